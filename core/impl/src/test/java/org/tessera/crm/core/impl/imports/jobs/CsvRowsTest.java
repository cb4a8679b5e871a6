package org.tessera.crm.core.impl.imports.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportJobRequest;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.RejectedRow;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/** CSV rows: the mapping checked against the header, cells put at their paths, errors by line and column. */
class CsvRowsTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    private CsvRows<PartyDTO> rows(String csv, String mapping, long afterLine) {
        return new CsvRows<>(new StringReader(csv), ImportJobRequest.parseMapping(mapping), mapper, PartyDTO.class,
                RowTypes.properties(mapper, PartyDTO.class), afterLine);
    }

    private static List<ImportRow<PartyDTO>> all(CsvRows<PartyDTO> rows) {
        List<ImportRow<PartyDTO>> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        return list;
    }

    @Test
    void mappedCellsFillNestedFieldsCustomFieldsAndExternalIds() {
        String csv = "Kind,Company,Legacy,Segment,Mail,Founded\n"
                + "ORGANIZATION,Acme,C-1,gold,info@acme.test,\n";
        List<ImportRow<PartyDTO>> read = all(rows(csv, "Kind=type,Company=legalName,Legacy=externalIds.legacy,"
                + "Segment=custom.segment,Mail=contactMechanisms[0].value", 0));
        assertEquals(1, read.size());
        ImportRow<PartyDTO> row = read.get(0);
        assertTrue(row.errors.isEmpty(), row.errors::toString);
        assertEquals(2, row.line);
        assertEquals(PartyType.ORGANIZATION, row.value.type);
        assertEquals("Acme", row.value.legalName);
        assertEquals(Map.of("legacy", "C-1"), row.value.externalIds);
        assertEquals("gold", row.value.customFields.get("segment"));
        assertEquals("info@acme.test", row.value.contactMechanisms.get(0).value);
    }

    @Test
    void withoutAMappingEachHeaderNamesItsField() {
        List<ImportRow<PartyDTO>> read = all(rows("type,lastName,birthDate,externalId.crm\nPERSON,Martin,1980-02-03,7\n", null, 0));
        assertEquals(LocalDate.of(1980, 2, 3), read.get(0).value.birthDate);
        assertEquals("7", read.get(0).value.externalIds.get("crm"));
    }

    @Test
    void aCellJacksonRefusesIsReportedAtItsLineAndColumn() {
        String csv = "Kind,Name,Born,Channel\n"
                + "PERSON,Ok,1990-01-01,EMAIL\n"
                + "PERSON,Bad date,not-a-date,EMAIL\n"
                + "ALIEN,Bad kind,1990-01-01,EMAIL\n"
                + "PERSON,Bad channel,1990-01-01,PIGEON\n";
        CsvRows<PartyDTO> rows = rows(csv, "Kind=type,Name=lastName,Born=birthDate,Channel=contactMechanisms[0].type", 0);
        List<ImportRow<PartyDTO>> read = all(rows);
        assertEquals(List.of(2L, 3L, 4L, 5L), read.stream().map(row -> row.line).toList());
        assertTrue(read.get(0).errors.isEmpty());
        assertEquals(ContactMechanismType.EMAIL, read.get(0).value.contactMechanisms.get(0).type);
        assertReported(rows, read.get(1), 3, "Born", "birthDate");
        assertReported(rows, read.get(2), 4, "Kind", "type");
        assertReported(rows, read.get(3), 5, "Channel", "contactMechanisms[0].type");
    }

    private static void assertReported(CsvRows<PartyDTO> rows, ImportRow<PartyDTO> row, long line, String column, String field) {
        assertNull(row.value);
        ImportReport report = new ImportReport();
        report.rejected = 1;
        report.errors.add(new RejectedRow(row.line, row.errors));
        List<ImportReportRow> reported = ReportRows.of(report, rows.mapping()::columnOf);
        assertEquals(1, reported.size(), reported::toString);
        assertEquals(line, reported.get(0).line);
        assertEquals(field, reported.get(0).field);
        assertEquals(column, reported.get(0).column);
        assertEquals("invalid", reported.get(0).code);
    }

    @Test
    void aQuotedValueOverSeveralLinesKeepsTheFollowingLineNumbersTrue() {
        String csv = "type,lastName,jobTitle\n"
                + "PERSON,One,\"Head of\nsomething\"\n"
                + "\n"
                + "PERSON,Two,x\n"
                + "PERSON,Three\n";
        List<ImportRow<PartyDTO>> read = all(rows(csv, null, 0));
        assertEquals(List.of(2L, 5L, 6L), read.stream().map(row -> row.line).toList());
        assertEquals("Head of\nsomething", read.get(0).value.jobTitle);
        assertEquals(List.of(new FieldError(null, "malformed", "the record has 2 values, the header 3")), read.get(2).errors);
    }

    @Test
    void anUnclosedQuoteEndsTheRowsWithOneUnreadableRowAtItsLine() {
        List<ImportRow<PartyDTO>> read = all(rows("type,lastName\nPERSON,Fine\nPERSON,\"never closed\nPERSON,Lost\n", null, 0));
        assertEquals(2, read.size());
        assertEquals(3, read.get(1).line);
        assertEquals("malformed", read.get(1).errors.get(0).code);
    }

    @Test
    void aResumedJobSkipsTheLinesAlreadyCommitted() {
        String csv = "type,lastName\nPERSON,A\nPERSON,B\nPERSON,C\nPERSON,D\n";
        List<ImportRow<PartyDTO>> read = all(rows(csv, null, 3));
        assertEquals(List.of("C", "D"), read.stream().map(row -> row.value.lastName).toList());
        assertEquals(4, read.get(0).line);
    }

    @Test
    void aMappingThatDoesNotFitTheHeaderOrTheTypeIsRefusedNamingMapping() {
        ValidationException missing = assertThrows(ValidationException.class, () -> rows("A,B\n1,2\n", "A=lastName,C=firstName", 0));
        assertEquals("mapping", missing.errors().get(0).field);
        assertTrue(missing.errors().get(0).message.contains("'C' is not in the header"), missing.errors().toString());
        ValidationException unknown = assertThrows(ValidationException.class, () -> rows("A,B\n1,2\n", "A=shoeSize", 0));
        assertTrue(unknown.errors().get(0).message.contains("'shoeSize' is not a field"), unknown.errors().toString());
        ValidationException twice = assertThrows(ValidationException.class, () -> rows("A,B\n1,2\n", "A=lastName,B=lastName", 0));
        assertTrue(twice.errors().get(0).message.contains("filled by two columns"), twice.errors().toString());
        ValidationException noHeaderField = assertThrows(ValidationException.class, () -> rows("lastName,Shoe size\nA,42\n", null, 0));
        assertTrue(noHeaderField.errors().get(0).message.contains("'Shoe size'"), noHeaderField.errors().toString());
    }

    @Test
    void theMappingTextIsColumnEqualsFieldPairs() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Company name", "legalName");
        expected.put("Id", "externalIds.legacy");
        assertEquals(expected, ImportJobRequest.parseMapping(" Company name = legalName , Id=externalIds.legacy"));
        assertTrue(ImportJobRequest.parseMapping(" ").isEmpty());
        for (String bad : List.of("Company", "=legalName", "Company=", "A=x,A=y")) {
            ValidationException refused = assertThrows(ValidationException.class, () -> ImportJobRequest.parseMapping(bad), bad);
            assertEquals("mapping", refused.errors().get(0).field);
        }
    }

    @Test
    void anEmptyCellIsNoValue() {
        ImportRow<PartyDTO> row = all(rows("type,lastName,jobTitle\nPERSON,Empty,\n", null, 0)).get(0);
        assertNull(row.value.jobTitle);
        assertFalse(row.value.externalIds.containsKey(""));
    }
}
