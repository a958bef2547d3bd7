package io.github.cameldfinery.emulator.quota;

/**
 * What one fixed rate-limit window of a service and API kind saw.
 *
 * @param startMillis when the window began, epoch milliseconds (windows are aligned to the epoch)
 * @param endMillis   when it ends (or ended), epoch milliseconds
 * @param limit       requests allowed in it
 * @param admitted    requests it admitted (they spent its budget)
 * @param rejected    requests it refused because the budget was spent (HTTP 429 or the configured answer)
 */
public record WindowCount(long startMillis, long endMillis, long limit, long admitted, long rejected) {
}
