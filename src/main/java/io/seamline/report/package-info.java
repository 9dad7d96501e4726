/**
 * The signed PDF chain-of-custody report (PDFBox, PAdES with BouncyCastle), the evidence package and
 * their verification.
 *
 * <p>May use {@code java.awt} for PDF imaging only; depends on no UI toolkit.
 */
package io.seamline.report;
