/**
 * The vocabulary of the DFINERY API that every other package shares: API kinds, export filters, the request a
 * message becomes, and the JSON mapper. Depends on no other package of the component.
 */
package io.github.cameldfinery.component.api;
