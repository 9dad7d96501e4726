/**
 * The case file: one SQLite database ({@code *.seamline}) holding the case details, the evidence
 * vault (original bytes in hashed chunks), the hash-chained custody log and every derived table.
 *
 * <p>It owns schema versions and forward migrations, content-based format detection, streamed and
 * atomic imports, and {@code verify}. It depends on no other Seamline package and on no UI toolkit:
 * both front ends ({@code cli}, {@code ui}) call {@link io.seamline.casefile.CaseService}.
 */
package io.seamline.casefile;
