package io.seamline.report;


import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny RFC 3161 timestamp authority on 127.0.0.1 for tests: a test EC key whose certificate has the
 * critical timeStamping extended key usage (RFC 3161 §2.3), answering application/timestamp-query POSTs.
 */
final class LocalTsa implements AutoCloseable {

    /** How the authority answers. */
    enum Mode { GRANT, HTTP_ERROR, GARBAGE, OVERSIZED }

    static final String SUBJECT = "CN=Seamline Test TSA,O=Seamline Test Lab";
    private static final int MAX_QUERY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final TimeStampResponseGenerator responses;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger(1);
    private volatile Mode mode = Mode.GRANT;
    private volatile String lastContentType = "";
    final X509Certificate certificate;

    LocalTsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("O=Seamline Test Lab,CN=Seamline Test TSA");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));

        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", pair.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            lastContentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] query;
            try (InputStream in = exchange.getRequestBody()) {
                query = in.readNBytes(MAX_QUERY_BYTES);
            }
            byte[] reply;
            int status = 200;
            try {
                reply = switch (mode) {
                    case GRANT -> responses.generateGrantedResponse(new TimeStampRequest(query),
                            BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
                    case HTTP_ERROR -> new byte[0];
                    case GARBAGE -> "this is not DER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    case OVERSIZED -> new byte[HttpTimestampClient.MAX_REPLY_BYTES + 1000];
                };
                if (mode == Mode.HTTP_ERROR) {
                    status = 503;
                }
            } catch (Exception e) {
                reply = new byte[0];
                status = 400;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    void mode(Mode newMode) {
        mode = newMode;
    }

    int requestCount() {
        return requests.get();
    }

    String lastContentType() {
        return lastContentType;
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
