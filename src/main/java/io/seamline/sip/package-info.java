/**
 * SIP (RFC 3261) messages, SDP (RFC 4566) bodies, SIPREC recording sessions (RFC 7866) with their
 * metadata (RFC 7865), and the dialogs and timeline events built from them.
 *
 * <p>Entry points: {@link io.seamline.sip.SipParser} (one message), {@link io.seamline.sip.SdpParser},
 * {@link io.seamline.sip.RecordingMetadataParser}, and {@link io.seamline.sip.DialogTracker}, which takes
 * every captured SIP message in capture order and returns a {@link io.seamline.sip.SipAnalysis}.
 *
 * <p>The SIP parser is written here rather than taken from a SIP stack library (JAIN-SIP, reSIProcate
 * bindings...) on purpose: a stack parses to run calls and rejects whatever it would answer with 400,
 * while a forensic inspector must keep the raw text of every message, read as much as it can of a
 * malformed one (recording what was wrong as a warning), and never lose a whole capture to one bad
 * message. Only messages whose start line or header framing is unreadable are rejected, each with a
 * {@link io.seamline.sip.SipParseException} naming the problem.
 *
 * <p>Parses bytes handed to it; it does not read captures itself. It depends on no other
 * {@code io.seamline} package and on no UI toolkit; XML is read with the JDK's parser, hardened against
 * DTDs, external entities and XInclude.
 */
package io.seamline.sip;
