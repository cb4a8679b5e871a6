package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminPasswordTest {
    @TempDir
    Path etc;

    private Path apiUsers() {
        return etc.resolve("tessera-users.properties");
    }

    private Path shellUsers() {
        return etc.resolve("users.properties");
    }

    private Path passwordFile() {
        return etc.resolve("tessera-admin.password");
    }

    private void shipped() throws Exception {
        Files.writeString(apiUsers(), "# no user ships\nnobody = nobody,nopermission");
        Files.writeString(shellUsers(), "# shell users\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
    }

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void theFirstStartGivesAdminARandomPasswordKnownOnlyToTheFileOwner() throws Exception {
        shipped();
        assertTrue(InitialAdminPassword.ensure(apiUsers(), shellUsers(), passwordFile(), new SecureRandom()));

        String password = Files.readString(passwordFile()).trim();
        assertTrue(password.length() >= 24, password);
        assertNotEquals("admin", password);
        assertEquals(password + ",admin", read(apiUsers()).getProperty("admin"));
        assertEquals("nobody,nopermission", read(apiUsers()).getProperty("nobody"), "other users stay");
        assertEquals(password + ",_g_:admingroup", read(shellUsers()).getProperty("admin"));
        assertEquals("group,admin,manager,viewer,systembundles,ssh", read(shellUsers()).getProperty("_g_:admingroup"));
        for (Path file : new Path[] {passwordFile(), apiUsers(), shellUsers()}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @Test
    void anAdminAlreadyThereIsNeverTouchedAndTwoInstallationsGetDifferentPasswords() throws Exception {
        shipped();
        InitialAdminPassword.ensure(apiUsers(), shellUsers(), passwordFile(), new SecureRandom());
        String first = Files.readString(passwordFile());
        String api = Files.readString(apiUsers());
        assertFalse(InitialAdminPassword.ensure(apiUsers(), shellUsers(), passwordFile(), new SecureRandom()), "a restart");
        assertEquals(first, Files.readString(passwordFile()));
        assertEquals(api, Files.readString(apiUsers()));

        shipped();
        Files.delete(passwordFile());
        InitialAdminPassword.ensure(apiUsers(), shellUsers(), passwordFile(), new SecureRandom());
        assertNotEquals(first, Files.readString(passwordFile()));
    }

    @Test
    void withLdapOnlyTheShellLoginIsGenerated() throws Exception {
        shipped();
        String api = Files.readString(apiUsers());
        assertTrue(InitialAdminPassword.ensure(null, shellUsers(), passwordFile(), new SecureRandom()));
        assertEquals(api, Files.readString(apiUsers()));
        assertTrue(read(shellUsers()).containsKey("admin"));
    }
}
