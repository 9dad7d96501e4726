package io.seamline.sip;

import java.util.Map;

/**
 * Message counts in the manner of tshark's {@code -z sip,stat}: every captured message counts, resends
 * included; {@code resent} follows tshark's resend rule.
 *
 * @param requestsByMethod count of request messages per method
 * @param responsesByCode count of response messages per status code
 */
public record SipStatistics(int messages, int resent, Map<String, Integer> requestsByMethod,
        Map<Integer, Integer> responsesByCode, int parseFailures, int keepAlives) {

    public SipStatistics {
        requestsByMethod = Map.copyOf(requestsByMethod);
        responsesByCode = Map.copyOf(responsesByCode);
    }
}
