/**
 * The command line (picocli): the only package that writes to standard output and error. Every command
 * is a thin front end over the same core services the window uses.
 *
 * <p>Exit codes: 0 ok, 1 verification failed or findings, 2 usage error, 3 input error.
 */
package io.seamline.cli;
