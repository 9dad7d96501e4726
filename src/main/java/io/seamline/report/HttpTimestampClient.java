package io.seamline.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp authority reached over HTTP (RFC 3161 §3.4): POSTs an
 * {@code application/timestamp-query} and reads the {@code application/timestamp-reply}.
 */
public final class HttpTimestampClient implements TimestampSource {

    /** A reply is a token with the TSA's certificate chain; anything this large is not a timestamp reply. */
    static final int MAX_REPLY_BYTES = 256 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param url the authority's HTTP(S) URL, as given with {@code --tsa}
     * @throws IllegalArgumentException if the URL is not http or https
     */
    public HttpTimestampClient(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("timestamp authority " + url + " must be an http or https URL");
        }
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The authority's URL. */
    public URI url() {
        return url;
    }

    @Override
    public TimeStampToken timestamp(byte[] sha256Imprint) throws SigningException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        // certReq: ask for the TSA certificate inside the token so a recipient can check it offline (RFC 3161 §2.4.1).
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(63, random);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256Imprint, nonce);
        byte[] reply;
        try {
            HttpRequest post = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SigningException("timestamp authority " + url + " answered HTTP " + response.statusCode());
                }
                reply = body.readNBytes(MAX_REPLY_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SigningException("timestamp authority " + url + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("timestamp authority " + url + ": interrupted while waiting for the reply", e);
        }
        if (reply.length > MAX_REPLY_BYTES) {
            throw new SigningException("timestamp authority " + url + " sent more than " + MAX_REPLY_BYTES + " bytes");
        }
        return parseReply(reply, request);
    }

    /** Parses a reply and checks status, imprint and nonce against the request (RFC 3161 §2.4.2). */
    TimeStampToken parseReply(byte[] reply, TimeStampRequest request) throws SigningException {
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new SigningException("timestamp authority " + url + " refused the request (status "
                        + response.getStatus() + ": " + response.getStatusString() + ")");
            }
            return token;
        } catch (TSPException | IOException | RuntimeException e) {
            throw new SigningException("timestamp authority " + url + " sent an unusable reply: " + e.getMessage(), e);
        }
    }
}
