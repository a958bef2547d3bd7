package io.github.cameldfinery.emulator.quota;

/**
 * The state of one limit after a request.
 *
 * @param admitted    whether the request was within the limit
 * @param limit       requests allowed per window
 * @param used        requests spent in the current window
 * @param remaining   requests left in the current window
 * @param window      the window in DFINERY notation ({@code 1m}, {@code 1H})
 * @param resetMillis when the current window ends, epoch milliseconds
 */
public record QuotaState(boolean admitted, long limit, long used, long remaining, String window, long resetMillis) {
}
