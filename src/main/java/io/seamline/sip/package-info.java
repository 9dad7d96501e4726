/**
 * SIP (RFC 3261) messages, SDP (RFC 4566) bodies, SIPREC recording sessions (RFC 7866) with their
 * metadata (RFC 7865), and the dialogs and timeline events built from them.
 *
 * <p>Parses bytes handed to it; it does not read captures itself and depends on no UI toolkit.
 */
package io.seamline.sip;
