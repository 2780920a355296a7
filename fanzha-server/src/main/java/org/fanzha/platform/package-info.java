/**
 * Cross-cutting infrastructure every module may use: the injected clock, RFC 9457 problem
 * details for API failures, request-size limits and the OpenAPI description. Holds no
 * business data.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.fanzha.platform;

import org.springframework.modulith.ApplicationModule;
