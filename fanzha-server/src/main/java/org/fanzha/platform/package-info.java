/**
 * Cross-cutting infrastructure every module may use: the injected clock, RFC 9457 problem details for
 * API failures, request-size limits and the OpenAPI description. Holds no business data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.fanzha.platform;
