/**
 * The signed PDF chain-of-custody report: embedded report fonts ({@link io.seamline.report.ReportFonts}),
 * PAdES baseline signing with BouncyCastle behind PDFBox's one-method signature interface
 * ({@link io.seamline.report.PdfSigner}), the examiner's signing keys
 * ({@link io.seamline.report.ExaminerKeyStore}), RFC 3161 timestamps
 * ({@link io.seamline.report.HttpTimestampClient}) and verification of signed reports
 * ({@link io.seamline.report.SignedPdfVerifier}).
 *
 * <p>Depends on PDFBox and BouncyCastle only, using the JDK's default security providers (BouncyCastle
 * is not registered as a JCE provider, so the shaded jar works without its jar signature). Must not
 * depend on other {@code io.seamline} packages: the report's content is handed in by the caller. May
 * use {@code java.awt} for PDF imaging only; depends on no UI toolkit and prints nothing.
 */
package io.seamline.report;
