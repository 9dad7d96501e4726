package io.seamline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Where signing keys come from: the examiner's own self-signed key, created once in the user's
 * configuration directory and reused, or an organisation's PKCS#12 keystore given by the user.
 *
 * <p>Only the JDK's default providers are used (no BouncyCastle JCE provider is registered), so the
 * shaded jar, which strips BouncyCastle's jar signature, still works.
 */
public final class ExaminerKeyStore {

    /** Organisation written into every self-signed examiner certificate, so no reader mistakes it for a CA-issued one. */
    public static final String SELF_SIGNED_ORGANISATION = "Seamline self-signed";

    /**
     * Password of the self-signed examiner PKCS#12 files. It is fixed on purpose: the key is protected
     * by the file's owner-only permissions (like an unencrypted SSH key), and a password stored next to
     * the file would add nothing. Organisation keys come with their own password instead.
     */
    static final char[] SELF_SIGNED_STORE_PASSWORD = "seamline-examiner".toCharArray();

    static final String SELF_SIGNED_ALIAS = "examiner";

    /** X.520 ub-common-name: a CN holds at most 64 characters (RFC 5280 Appendix A.1). */
    private static final int MAX_COMMON_NAME_CHARS = 64;

    /** Keystores are small; a cap stops a hostile or mistaken path (a disk image) from being read whole. */
    private static final long MAX_KEYSTORE_BYTES = 1L << 20;

    private static final int RSA_KEY_BITS = 3072;
    private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(3653);

    private final Path configDirectory;

    /**
     * @param configDirectory directory holding the examiner key files, e.g. {@link #defaultConfigDirectory()};
     *     created with owner-only permissions when first needed
     */
    public ExaminerKeyStore(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    /** The directory this store keeps examiner keys in. */
    public Path configDirectory() {
        return configDirectory;
    }

    /**
     * The per-user Seamline configuration directory of this machine: {@code %APPDATA%\Seamline} on
     * Windows, {@code ~/Library/Application Support/Seamline} on macOS, otherwise
     * {@code $XDG_CONFIG_HOME/seamline} or {@code ~/.config/seamline} (XDG Base Directory Specification).
     */
    public static Path defaultConfigDirectory() {
        return defaultConfigDirectory(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * The per-user configuration directory for the given environment, operating system name (as in the
     * {@code os.name} system property) and home directory.
     */
    public static Path defaultConfigDirectory(Map<String, String> environment, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? Path.of(userHome, "AppData", "Roaming") : Path.of(appData);
            return base.resolve("Seamline");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Seamline");
        }
        // XDG Base Directory Specification: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("seamline");
    }

    /**
     * The file that holds (or will hold) the self-signed key of the named examiner: a readable slug of
     * the name plus the first 8 hex digits of the name's SHA-256, so two names never share a file.
     */
    public Path examinerKeyFile(String examinerName) {
        String slug = examinerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 32) {
            slug = slug.substring(0, 32);
        }
        String hash = HexFormat.of().formatHex(sha256(examinerName.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        return configDirectory.resolve("examiner-" + (slug.isEmpty() ? "" : slug + "-") + hash + ".p12");
    }

    /**
     * The named examiner's self-signed identity: loaded from {@link #examinerKeyFile(String)} when it
     * exists, otherwise created once there (RSA 3072, SHA-256 with RSA, CN = examiner name, O =
     * {@value #SELF_SIGNED_ORGANISATION}, valid ten years) as a PKCS#12 file readable only by its owner
     * where the file system has POSIX permissions.
     *
     * @param examinerName the examiner's name as it should appear in the certificate; 1 to 64 characters
     * @throws SigningException if the name is unusable, the file exists but is not this examiner's key,
     *     or the file cannot be written or read
     */
    public SigningIdentity examinerIdentity(String examinerName) throws SigningException {
        String name = examinerName == null ? "" : examinerName.strip();
        if (name.isEmpty() || name.length() > MAX_COMMON_NAME_CHARS) {
            throw new SigningException("examiner name must be 1 to " + MAX_COMMON_NAME_CHARS
                    + " characters for a certificate common name (RFC 5280 A.1), got " + name.length());
        }
        Path file = examinerKeyFile(name);
        if (Files.exists(file)) {
            return loadOwnKey(file, name);
        }
        return createOwnKey(file, name);
    }

    /**
     * Loads an organisation's PKCS#12 keystore.
     *
     * @param keystore the .p12/.pfx file
     * @param alias the key entry to use, or null to use the only key entry the file holds
     * @param password the keystore password (also used for the key entry)
     * @throws SigningException naming the file when it is missing, too large, not PKCS#12, the password is
     *     wrong, or the alias holds no private key with a certificate
     */
    public static SigningIdentity loadPkcs12(Path keystore, String alias, char[] password) throws SigningException {
        KeyStore store = readPkcs12(keystore, password);
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keyAliases = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keyAliases.add(a);
                    }
                }
                if (keyAliases.size() != 1) {
                    throw new SigningException(keystore + ": holds " + keyAliases.size()
                            + " key entries " + keyAliases + "; name the one to sign with (--alias)");
                }
                chosen = keyAliases.get(0);
            }
            if (!store.containsAlias(chosen)) {
                throw new SigningException(keystore + ": has no alias '" + chosen + "'; aliases: " + Collections.list(store.aliases()));
            }
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new SigningException(keystore + ": alias '" + chosen + "' holds no private key; aliases: "
                        + Collections.list(store.aliases()));
            }
            Certificate[] certs = store.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new SigningException(keystore + ": alias '" + chosen + "' has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                if (!(c instanceof X509Certificate x509)) {
                    throw new SigningException(keystore + ": alias '" + chosen + "' holds a non-X.509 certificate");
                }
                chain.add(x509);
            }
            return new SigningIdentity(privateKey, chain, SigningIdentity.isSelfSigned(chain.get(0)));
        } catch (GeneralSecurityException e) {
            throw new SigningException(keystore + ": cannot read key entry '" + alias + "': " + e.getMessage(), e);
        }
    }

    /**
     * The keystore password held by the environment variable whose NAME is given (the CLI's
     * {@code --storepass-env VAR}), so the password never appears on a command line or in shell history.
     *
     * @param variableName the environment variable's name, e.g. {@code SEAMLINE_STOREPASS}
     * @param environment the process environment, normally {@link System#getenv()}
     * @throws SigningException if the variable is unset or empty
     */
    public static char[] passwordFromEnvironment(String variableName, Map<String, String> environment)
            throws SigningException {
        String value = variableName == null ? null : environment.get(variableName);
        if (value == null || value.isEmpty()) {
            throw new SigningException("environment variable " + variableName + " named by --storepass-env is unset or empty");
        }
        return value.toCharArray();
    }

    private static KeyStore readPkcs12(Path file, char[] password) throws SigningException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SigningException(file + ": keystore file not found");
            }
            if (Files.size(file) > MAX_KEYSTORE_BYTES) {
                throw new SigningException(file + ": " + Files.size(file) + " bytes is too large for a PKCS#12 keystore");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            String why = e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? "wrong password or damaged file" : "not a readable PKCS#12 keystore (" + e.getMessage() + ")";
            throw new SigningException(file + ": " + why, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(file + ": not a readable PKCS#12 keystore (" + e.getMessage() + ")", e);
        }
    }

    private SigningIdentity loadOwnKey(Path file, String name) throws SigningException {
        SigningIdentity identity = loadPkcs12(file, SELF_SIGNED_ALIAS, SELF_SIGNED_STORE_PASSWORD);
        X500Name subject = X500Name.getInstance(identity.certificate().getSubjectX500Principal().getEncoded());
        if (!subject.equals(subjectFor(name))) {
            throw new SigningException(file + ": holds the key of '" + identity.subjectName() + "', not of examiner '" + name + "'");
        }
        return identity;
    }

    private SigningIdentity createOwnKey(Path file, String name) throws SigningException {
        try {
            createPrivateDirectory(configDirectory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSignedCertificate(pair, subjectFor(name));

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(SELF_SIGNED_ALIAS, pair.getPrivate(), SELF_SIGNED_STORE_PASSWORD,
                    new Certificate[] {certificate});

            // Write beside the target with owner-only permissions from the first byte, then move into
            // place, so a reader never sees a half-written or world-readable key.
            Path temp = Files.createTempFile(configDirectory, ".examiner-", ".tmp", ownerOnly(configDirectory, false));
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    store.store(out, SELF_SIGNED_STORE_PASSWORD);
                }
                publishOnce(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new SigningIdentity(pair.getPrivate(), List.of(certificate), true);
        } catch (FileAlreadyExistsException e) {
            return loadOwnKey(file, name);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException(file + ": cannot create the examiner's self-signed key: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the finished key file in place unless another Seamline process got there first, in which
     * case FileAlreadyExistsException makes the caller use theirs, so an examiner never has two keys.
     * A hard link is created atomically or fails (POSIX link(2) EEXIST); file systems without hard
     * links fall back to a move without REPLACE_EXISTING, which checks and renames in two steps.
     */
    private static void publishOnce(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, file);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(directory.toAbsolutePath().getParent(), true));
        }
    }

    /** rwx------ / rw------- where the file system supports POSIX permissions; nothing elsewhere (Windows ACLs already restrict %APPDATA%). */
    private static FileAttribute<?>[] ownerOnly(Path near, boolean directory) {
        Path probe = near;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        boolean posix = probe != null && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    static X500Name subjectFor(String examinerName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                // Most significant RDN first (RFC 5280 §4.1.2.4 convention), so it prints as CN=...,O=...
                .addRDN(BCStyle.O, SELF_SIGNED_ORGANISATION)
                .addRDN(BCStyle.CN, examinerName)
                .build();
    }

    private static X509Certificate selfSignedCertificate(KeyPair pair, X500Name subject)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Positive 127-bit serial: RFC 5280 §4.1.2.2 wants unique, positive, at most 20 octets.
        BigInteger serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject,
                pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // digitalSignature + nonRepudiation (contentCommitment): the key signs documents, RFC 5280 §4.2.1.3.
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
