package org.fanzha.platform;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * Every deadline (48 h stops, 30-minute entry, freeze expiry) is computed from this
	 * clock; tests replace it.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	FilterRegistrationBean<PayloadLimitFilter> payloadLimitFilter(PlatformProperties properties) {
		var registration = new FilterRegistrationBean<>(
				new PayloadLimitFilter(properties.maxRequestBytes(), properties.maxFeedBytes()));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	OpenAPI fanzhaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Fanzha API")
				.description("Joint-operations platform against telecom and online fraud. "
						+ "Machine clients (banks, operators) authenticate with a bearer token; "
						+ "people with HTTP basic. Errors are RFC 9457 problem details.")
				.version("v1")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
