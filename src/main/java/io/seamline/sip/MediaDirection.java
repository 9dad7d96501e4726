package io.seamline.sip;

import java.util.Locale;
import java.util.Optional;

/** SDP media direction attribute (RFC 4566 §6, RFC 3264 §5.1), seen from the side that wrote the SDP. */
public enum MediaDirection {
    /** Sends and receives (the default when no attribute is given). */
    SENDRECV,
    /** Only sends: the writer puts the other side on hold (RFC 3264 §8.4). */
    SENDONLY,
    /** Only receives. */
    RECVONLY,
    /** Neither sends nor receives. */
    INACTIVE;

    /** @return the direction named by an attribute name such as {@code sendonly}, if it is one */
    public static Optional<MediaDirection> fromAttribute(String attributeName) {
        return switch (attributeName.toLowerCase(Locale.ROOT)) {
            case "sendrecv" -> Optional.of(SENDRECV);
            case "sendonly" -> Optional.of(SENDONLY);
            case "recvonly" -> Optional.of(RECVONLY);
            case "inactive" -> Optional.of(INACTIVE);
            default -> Optional.empty();
        };
    }
}
