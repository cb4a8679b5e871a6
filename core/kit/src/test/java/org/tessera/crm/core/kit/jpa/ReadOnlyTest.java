package org.tessera.crm.core.kit.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.Test;

class ReadOnlyTest {
    @Test
    void findsWithTheProvidersReadOnlyHint() {
        List<Object[]> calls = new ArrayList<>();
        EntityManager em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    calls.add(new Object[] {method.getName(), args});
                    return method.getName().equals("find") ? "found" : null;
                });
        assertEquals("found", ReadOnly.find(em, String.class, 42L));
        assertEquals(1, calls.size());
        Object[] args = (Object[]) calls.get(0)[1];
        assertEquals("find", calls.get(0)[0]);
        assertEquals(List.of(String.class, 42L), List.of(args[0], args[1]));
        assertEquals(Map.of("eclipselink.read-only", Boolean.TRUE), args[2], "EclipseLink's own name of the hint: any other is ignored");
    }
}
