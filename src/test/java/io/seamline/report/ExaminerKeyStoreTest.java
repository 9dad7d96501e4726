package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExaminerKeyStoreTest {

    static final Path FIXTURES = Path.of("src/test/resources/io/seamline/report");
    static final Path ORG_KEYSTORE = FIXTURES.resolve("org-examiner.p12");

    @TempDir
    Path dir;

    @Test
    void createsTheSelfSignedKeyOnceAndReusesIt() throws Exception {
        Path config = dir.resolve("seamline");
        SigningIdentity first = new ExaminerKeyStore(config).examinerIdentity("Ada Examiner");
        Path file = new ExaminerKeyStore(config).examinerKeyFile("Ada Examiner");
        FileTime written = Files.getLastModifiedTime(file);

        SigningIdentity again = new ExaminerKeyStore(config).examinerIdentity("Ada Examiner");

        assertEquals(List.of(file), listing(config));
        assertEquals(written, Files.getLastModifiedTime(file));
        assertEquals(first.certificateSha256Hex(), again.certificateSha256Hex());
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
    }

    @Test
    void twoFirstUsesAtOnceEndWithOneKey() throws Exception {
        Path config = dir.resolve("seamline");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<SigningIdentity> firstUse = () -> {
                start.await();
                return new ExaminerKeyStore(config).examinerIdentity("Ada Examiner");
            };
            Future<SigningIdentity> a = pool.submit(firstUse);
            Future<SigningIdentity> b = pool.submit(firstUse);
            start.countDown();

            assertEquals(a.get().certificateSha256Hex(), b.get().certificateSha256Hex());
            assertEquals(a.get().certificateSha256Hex(),
                    new ExaminerKeyStore(config).examinerIdentity("Ada Examiner").certificateSha256Hex());
            assertEquals(List.of(new ExaminerKeyStore(config).examinerKeyFile("Ada Examiner")), listing(config),
                    "no temporary file is left behind");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void selfSignedKeyIsRsa3072WithExaminerNameAndSelfSignedOrganisation() throws Exception {
        SigningIdentity identity = new ExaminerKeyStore(dir).examinerIdentity("Ada Examiner");

        assertTrue(identity.selfSigned());
        assertEquals("CN=Ada Examiner,O=Seamline self-signed", identity.subjectName());
        assertEquals(identity.subjectName(), identity.certificate().getIssuerX500Principal().getName());
        assertEquals(3072, ((RSAPublicKey) identity.certificate().getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", identity.certificate().getSigAlgName());
        assertTrue(identity.certificate().getKeyUsage()[0], "digitalSignature");
        assertTrue(identity.certificate().getKeyUsage()[1], "nonRepudiation");
        assertEquals(64, identity.certificateSha256Hex().length());
    }

    @Test
    void keyFileAndItsDirectoryAreReadableOnlyByTheOwner() throws Exception {
        Path config = dir.resolve("xdg").resolve("seamline");
        ExaminerKeyStore store = new ExaminerKeyStore(config);
        store.examinerIdentity("Ada Examiner");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.examinerKeyFile("Ada Examiner"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void examinersWhoseNamesDifferOnlyInPunctuationGetSeparateKeys() throws Exception {
        ExaminerKeyStore store = new ExaminerKeyStore(dir);

        SigningIdentity dotted = store.examinerIdentity("J. Smith");
        SigningIdentity plain = store.examinerIdentity("J Smith");

        assertNotEquals(store.examinerKeyFile("J. Smith"), store.examinerKeyFile("J Smith"));
        assertNotEquals(dotted.certificateSha256Hex(), plain.certificateSha256Hex());
        assertEquals("CN=J. Smith,O=Seamline self-signed", dotted.subjectName());
    }

    @Test
    void rejectsKeyFileThatHoldsAnotherExaminersKey() throws Exception {
        ExaminerKeyStore store = new ExaminerKeyStore(dir);
        store.examinerIdentity("Grace Analyst");
        Files.move(store.examinerKeyFile("Grace Analyst"), store.examinerKeyFile("Ada Examiner"));

        SigningException e = assertThrows(SigningException.class, () -> store.examinerIdentity("Ada Examiner"));

        assertEquals(store.examinerKeyFile("Ada Examiner") + ": holds the key of 'CN=Grace Analyst,O=Seamline self-signed',"
                + " not of examiner 'Ada Examiner'", e.getMessage());
    }

    @Test
    void rejectsExaminerNameTooLongForACommonName() {
        SigningException e = assertThrows(SigningException.class,
                () -> new ExaminerKeyStore(dir).examinerIdentity("x".repeat(65)));

        assertEquals("examiner name must be 1 to 64 characters for a certificate common name (RFC 5280 A.1), got 65", e.getMessage());
        assertFalse(Files.exists(dir.resolve("seamline")));
    }

    @Test
    void configDirectoryFollowsEachOperatingSystemsConvention() {
        assertEquals(Path.of("/cfg/seamline"),
                ExaminerKeyStore.defaultConfigDirectory(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/.config/seamline"),
                ExaminerKeyStore.defaultConfigDirectory(Map.of(), "Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/.config/seamline"),
                ExaminerKeyStore.defaultConfigDirectory(Map.of("XDG_CONFIG_HOME", "relative/cfg"), "Linux", "/home/ada"),
                "the XDG spec says a relative XDG_CONFIG_HOME is ignored");
        assertEquals(Path.of("/Users/ada/Library/Application Support/Seamline"),
                ExaminerKeyStore.defaultConfigDirectory(Map.of("XDG_CONFIG_HOME", "/cfg"), "Mac OS X", "/Users/ada"));
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Roaming").resolve("Seamline"),
                ExaminerKeyStore.defaultConfigDirectory(Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"), "Windows 11", "C:\\Users\\ada"));
    }

    @Test
    void loadsOrganisationKeystoreWithPasswordFromTheNamedEnvironmentVariable() throws Exception {
        char[] password = ExaminerKeyStore.passwordFromEnvironment("LAB_STOREPASS", Map.of("LAB_STOREPASS", "test-storepass"));

        SigningIdentity identity = ExaminerKeyStore.loadPkcs12(ORG_KEYSTORE, "examiner", password);

        assertFalse(identity.selfSigned());
        assertEquals("CN=Grace Analyst,O=Seamline Test Lab", identity.subjectName());
        assertEquals(2, identity.chain().size());
        assertEquals("CN=Seamline Test Lab CA,O=Seamline Test Lab", identity.chain().get(1).getSubjectX500Principal().getName());
        assertEquals(identity.certificateSha256Hex(),
                ExaminerKeyStore.loadPkcs12(ORG_KEYSTORE, null, password).certificateSha256Hex(),
                "without an alias the only key entry is used; the CA entry holds no key");
    }

    @Test
    void rejectsUnsetPasswordVariableNamingIt() {
        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.passwordFromEnvironment("LAB_STOREPASS", Map.of("OTHER", "x")));

        assertEquals("environment variable LAB_STOREPASS named by --storepass-env is unset or empty", e.getMessage());
    }

    @Test
    void rejectsWrongKeystorePasswordNamingTheFile() {
        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.loadPkcs12(ORG_KEYSTORE, "examiner", "wrong".toCharArray()));

        assertEquals(ORG_KEYSTORE + ": wrong password or damaged file", e.getMessage());
    }

    @Test
    void rejectsAliasWithoutPrivateKey() {
        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.loadPkcs12(ORG_KEYSTORE, "lab-ca", "test-storepass".toCharArray()));

        assertTrue(e.getMessage().startsWith(ORG_KEYSTORE + ": alias 'lab-ca' holds no private key; aliases: "), e.getMessage());
    }

    @Test
    void rejectsUnknownAliasListingTheOnesThereAre() {
        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.loadPkcs12(ORG_KEYSTORE, "ada", "test-storepass".toCharArray()));

        assertTrue(e.getMessage().startsWith(ORG_KEYSTORE + ": has no alias 'ada'; aliases: ["), e.getMessage());
        assertTrue(e.getMessage().contains("examiner") && e.getMessage().contains("lab-ca"), e.getMessage());
    }

    @Test
    void rejectsTruncatedKeystore() {
        Path truncated = FIXTURES.resolve("truncated-keystore.p12");

        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.loadPkcs12(truncated, null, "test-storepass".toCharArray()));

        assertTrue(e.getMessage().startsWith(truncated + ": "), e.getMessage());
    }

    @Test
    void rejectsMissingKeystore() {
        Path missing = dir.resolve("nowhere.p12");

        SigningException e = assertThrows(SigningException.class,
                () -> ExaminerKeyStore.loadPkcs12(missing, null, "x".toCharArray()));

        assertEquals(missing + ": keystore file not found", e.getMessage());
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
