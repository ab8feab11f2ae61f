package io.sequela.querybench;

import java.time.LocalDateTime;

/**
 * One query of the benchmark: a host and a time range, both ends inclusive, in UTC.
 *
 * @param line the 1-based line number in the CSV file it came from (the header is line 1)
 * @param hostname the host, e.g. {@code host_000008}
 * @param start the range start, UTC
 * @param end the range end, UTC, not before {@code start}
 */
public record QueryParams(int line, String hostname, LocalDateTime start, LocalDateTime end) {}
