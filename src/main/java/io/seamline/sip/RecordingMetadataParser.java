package io.seamline.sip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses SIPREC recording metadata XML (RFC 7865, namespace {@value #NAMESPACE}).
 *
 * <p>Metadata comes from captured, untrusted traffic, so the XML parser refuses any DOCTYPE (which
 * rules out entity expansion bombs and external entities), never loads external DTDs or schemas,
 * does not process XInclude, and caps the document size at {@link #MAX_BYTES}.
 */
public final class RecordingMetadataParser {

    /** The RFC 7865 §9 XML namespace. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:recording:1";
    /** Largest metadata document accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Largest number of sessions, participants or streams kept from one document. */
    public static final int MAX_ELEMENTS = 1024;

    private RecordingMetadataParser() {
    }

    /**
     * @param xml the {@code application/rs-metadata+xml} body bytes
     * @return the metadata
     * @throws SipParseException when the document is too large, has a DOCTYPE, is not well-formed XML, or its
     *         root is not {@code recording} in the RFC 7865 namespace
     */
    public static RecordingMetadata parse(byte[] xml) throws SipParseException {
        if (xml.length > MAX_BYTES) {
            throw new SipParseException("recording metadata of " + xml.length + " bytes exceeds " + MAX_BYTES);
        }
        Document doc;
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings do not stop parsing; there is nowhere useful to print them.
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new SipParseException("recording metadata is not acceptable XML at line " + e.getLineNumber()
                    + ": " + oneLine(e.getMessage()), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new SipParseException("recording metadata is not acceptable XML: " + oneLine(e.getMessage()), e);
        }
        Element root = doc.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"recording".equals(root.getLocalName())) {
            throw new SipParseException("recording metadata root is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", expected {" + NAMESPACE + "}recording");
        }
        String dataMode = "";
        List<RecordingMetadata.Session> sessions = new ArrayList<>();
        Map<String, String[]> participants = new LinkedHashMap<>();
        Map<String, List<String>> sends = new LinkedHashMap<>();
        Map<String, List<String>> recvs = new LinkedHashMap<>();
        List<RecordingMetadata.Stream> streams = new ArrayList<>();
        for (Element e : children(root)) {
            if (!NAMESPACE.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "datamode" -> dataMode = e.getTextContent().trim();
                case "session" -> {
                    if (sessions.size() < MAX_ELEMENTS) {
                        List<String> sipIds = new ArrayList<>();
                        for (Element c : children(e, "sipSessionID")) {
                            sipIds.add(c.getTextContent().trim());
                        }
                        sessions.add(new RecordingMetadata.Session(e.getAttribute("session_id"), sipIds,
                                childText(e, "group-ref"), childText(e, "start-time"), childText(e, "stop-time")));
                    }
                }
                case "participant" -> {
                    if (participants.size() < MAX_ELEMENTS) {
                        String aor = "";
                        String name = "";
                        List<Element> ids = children(e, "nameID");
                        if (!ids.isEmpty()) {
                            aor = ids.get(0).getAttribute("aor");
                            name = childText(ids.get(0), "name");
                        }
                        participants.put(e.getAttribute("participant_id"), new String[] {aor, name});
                    }
                }
                case "stream" -> {
                    if (streams.size() < MAX_ELEMENTS) {
                        String label = childText(e, "label");
                        streams.add(new RecordingMetadata.Stream(e.getAttribute("stream_id"), e.getAttribute("session_id"),
                                label.isEmpty() ? null : label));
                    }
                }
                case "participantstreamassoc" -> {
                    String pid = e.getAttribute("participant_id");
                    for (Element c : children(e, "send")) {
                        sends.computeIfAbsent(pid, k -> new ArrayList<>()).add(c.getTextContent().trim());
                    }
                    for (Element c : children(e, "recv")) {
                        recvs.computeIfAbsent(pid, k -> new ArrayList<>()).add(c.getTextContent().trim());
                    }
                }
                default -> {
                    // group, participantsessionassoc and unknown recording elements carry nothing the analysis uses.
                }
            }
        }
        List<RecordingMetadata.Participant> plist = new ArrayList<>();
        participants.forEach((id, an) -> plist.add(new RecordingMetadata.Participant(id, an[0], an[1],
                sends.getOrDefault(id, List.of()), recvs.getOrDefault(id, List.of()))));
        List<RecordingMetadata.Extension> extensions = new ArrayList<>();
        collectExtensions(root, extensions);
        return new RecordingMetadata(dataMode, sessions, plist, streams, extensions);
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        // The JDK's built-in parser: the hardening features below are known to it, and no service lookup runs per call.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        // OWASP XXE prevention: a DOCTYPE is never needed by RFC 7865 metadata, so refuse it outright.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // JAXP limit (jdk.xml.maxElementDepth): DOM text extraction recurses, so deep nesting must fail parsing.
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", Integer.toString(MAX_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
    }

    /** Leaf elements (text only) in a namespace other than RFC 7865's, anywhere in the document. */
    private static void collectExtensions(Element e, List<RecordingMetadata.Extension> out) {
        for (Element c : children(e)) {
            if (out.size() >= MAX_ELEMENTS) {
                return;
            }
            List<Element> grand = children(c);
            if (grand.isEmpty() && !NAMESPACE.equals(c.getNamespaceURI())) {
                out.add(new RecordingMetadata.Extension(c.getNamespaceURI() == null ? "" : c.getNamespaceURI(),
                        c.getLocalName(), c.getTextContent().trim()));
            } else {
                collectExtensions(c, out);
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        return children(parent).stream()
                .filter(c -> localName.equals(c.getLocalName()) && NAMESPACE.equals(c.getNamespaceURI()))
                .toList();
    }

    private static String childText(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? "" : c.get(0).getTextContent().trim();
    }

    /** The XML parser quotes the offending input, which may hold line breaks; a message stays on one line. */
    private static String oneLine(String message) {
        String t = String.valueOf(message).replaceAll("\\p{Cntrl}+", " ");
        return t.length() <= 240 ? t : t.substring(0, 237) + "...";
    }
}
