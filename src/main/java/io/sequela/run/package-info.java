/**
 * What every run does around Gatling, whatever the simulation: the hook that adds pages once Gatling's report is
 * written, exit codes, the run id, and the trend page with the closing list of failed checks.
 */
package io.sequela.run;
