package io.seamline.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One leaf body part of a SIP message: the whole body when it is not multipart, otherwise one part of
 * a (possibly nested) multipart body (RFC 2046 §5.1), with its own headers and bytes.
 */
public record MimePart(List<SipHeader> headers, ContentType contentType, byte[] body) {

    public MimePart {
        headers = List.copyOf(headers);
    }

    /** @return the body decoded as UTF-8 (SDP and XML bodies are text) */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return length of this part's body in bytes */
    public int lengthBytes() {
        return body.length;
    }
}
