/**
 * Keeping within DFINERY's request limits: a guard per service and import API kind that counts every request and
 * follows the server's count, and the export budget (calls per window, calls at once).
 */
package io.github.cameldfinery.component.quota;
