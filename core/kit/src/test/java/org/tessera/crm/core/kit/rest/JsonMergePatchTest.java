package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMergePatchTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    /** The examples of RFC 7386, appendix A: target, patch, result (single quotes for readability). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}              | {'a':'c'}           | {'a':'c'}",
        "{'a':'b'}              | {'b':'c'}           | {'a':'b','b':'c'}",
        "{'a':'b'}              | {'a':null}          | {}",
        "{'a':'b','b':'c'}      | {'a':null}          | {'b':'c'}",
        "{'a':['b']}            | {'a':'c'}           | {'a':'c'}",
        "{'a':'c'}              | {'a':['b']}         | {'a':['b']}",
        "{'a':{'b':'c'}}        | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}      | {'a':[1]}           | {'a':[1]}",
        "['a','b']              | ['c','d']           | ['c','d']",
        "{'a':'b'}              | ['c']               | ['c']",
        "{'a':'foo'}            | null                | null",
        "{'a':'foo'}            | 'bar'               | 'bar'",
        "{'e':null}             | {'a':1}             | {'e':null,'a':1}",
        "[1,2]                  | {'a':'b','c':null}  | {'a':'b'}",
        "{}                     | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
    })
    void appliesTheExamplesOfRfc7386(String target, String patch, String expected) throws Exception {
        assertEquals(json(expected), JsonMergePatch.apply(json(target), json(patch)));
    }

    @Test
    void mergesNestedObjectsAndLeavesOtherMembersAlone() throws Exception {
        JsonNode target = json("{'name':'Acme','address':{'city':'Paris','zip':'75001'},'tags':['a','b']}");
        JsonNode result = JsonMergePatch.apply(target, json("{'address':{'city':'Lyon','zip':null},'tags':['c']}"));
        assertEquals(json("{'name':'Acme','address':{'city':'Lyon'},'tags':['c']}"), result);
    }

    @Test
    void modifiesNeitherArgument() throws Exception {
        JsonNode target = json("{'a':{'b':1}}");
        JsonNode patch = json("{'a':{'b':null,'c':2}}");
        JsonMergePatch.apply(target, patch);
        assertEquals(json("{'a':{'b':1}}"), target);
        assertEquals(json("{'a':{'b':null,'c':2}}"), patch);
    }

    private JsonNode json(String singleQuoted) throws Exception {
        return mapper.readTree(singleQuoted.replace('\'', '"'));
    }
}
