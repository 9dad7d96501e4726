/**
 * The signed report, the evidence package and their verification: {@link io.seamline.report.ReportService}
 * lays out the PDF from the case's stored analysis and timeline model and signs it,
 * {@link io.seamline.report.ExportService} writes the package (report, originals, stitched recording, case
 * copy, SHA256SUMS) and {@link io.seamline.report.PackageVerifier} checks a case, a package folder or zip,
 * or a signed PDF. Signing stands alone: embedded report fonts ({@link io.seamline.report.ReportFonts}),
 * PAdES baseline signing with BouncyCastle behind PDFBox's one-method signature interface
 * ({@link io.seamline.report.PdfSigner}), the examiner's signing keys
 * ({@link io.seamline.report.ExaminerKeyStore}), RFC 3161 timestamps
 * ({@link io.seamline.report.HttpTimestampClient}) and verification of signed reports
 * ({@link io.seamline.report.SignedPdfVerifier}).
 *
 * <p>The signing classes depend on PDFBox and BouncyCastle only, using the JDK's default security providers
 * (BouncyCastle is not registered as a JCE provider, so the shaded jar works without its jar signature).
 * The report and package classes read {@code casefile}, {@code analysis}, {@code audio} (waveform pyramids)
 * and {@code timeline}; they read the stitch from the case's {@code stitch} table, not from
 * {@code io.seamline.stitch}, and never depend on {@code ui} or {@code cli}. May use {@code java.awt} for
 * PDF imaging only; depends on no UI toolkit and prints nothing.
 */
package io.seamline.report;
