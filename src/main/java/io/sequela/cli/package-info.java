/**
 * The {@code sequela} command (picocli): populate, verify, describe, report, compare, claim, embedded. One class per subcommand;
 * bad input is exit 2 with one line, domain failures map to the documented exit codes.
 */
package io.sequela.cli;
