package io.seamline.rtp;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DTMF call with rewritten link layers (capture/make-link-variants.sh) gives tshark's table every time. */
class LinkLayerVariantsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dtmf-vlan", "dtmf-qinq", "dtmf-raw", "dtmf-ipv4", "dtmf-null", "dtmf-loop"})
    void streamTableMatchesTshark(String variant) throws Exception {
        Path dir = Path.of(LinkLayerVariantsTest.class.getResource("/io/seamline/capture/" + variant + ".pcap").toURI()).getParent();
        RtpStreamTapReferenceTest.assertSameTable(
                RtpStreamTapReferenceTest.parseReference(dir.resolve(variant + ".rtp-streams.txt")),
                RtpStreamTapReferenceTest.analyse(dir.resolve(variant + ".pcap")), variant);
    }
}
