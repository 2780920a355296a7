package org.fanzha.identity.internal;

import java.util.Arrays;
import java.util.List;

import org.fanzha.identity.Area;
import org.fanzha.identity.Directory;
import org.fanzha.identity.Role;
import org.fanzha.identity.Route;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two filter chains. The API chain is stateless (HTTP basic for people, bearer tokens for
 * banks and operators) and answers 401/403 as problem details. The console chain uses
 * form login with sessions and CSRF protection. Both take their per-area rules from
 * {@link Area}; the read-only roles ({@link org.fanzha.identity.Role#readsOnly()}) are
 * refused every write here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/**
	 * Methods that change something: refused to the read-only roles (procurator,
	 * oversight) in every area.
	 */
	static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt by default, with the {id} prefix so the algorithm can be upgraded later;
		// checked once per password
		return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	/**
	 * The parts of areas kept to one role ({@link Route}), before the areas' own rules;
	 * read-only roles never write.
	 */
	static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		for (Route route : Route.values()) {
			String[] writers = Arrays.stream(route.roleNames())
				.filter(r -> !Role.valueOf(r).readsOnly())
				.toArray(String[]::new);
			if (route.method() == null) {
				for (HttpMethod write : WRITES) {
					auth.requestMatchers(write, route.patterns()).hasAnyRole(writers);
				}
				auth.requestMatchers(route.patterns()).hasAnyRole(route.roleNames());
			}
			else {
				auth.requestMatchers(HttpMethod.valueOf(route.method()), route.patterns()).hasAnyRole(writers);
			}
		}
	}

	/**
	 * The guard runs inside the security chains, before a password is checked, not as a
	 * servlet filter of its own.
	 */
	@Bean
	FilterRegistrationBean<SignInGuard> signInGuardOnlyInSecurityChains(SignInGuard guard) {
		FilterRegistrationBean<SignInGuard> registration = new FilterRegistrationBean<>(guard);
		registration.setEnabled(false);
		return registration;
	}

	/** Sign-in events reach {@link SignInGuard}. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	/**
	 * Response headers: a content security policy with scripts and styles from the
	 * platform only (no inline script, no framing, forms post only to the platform), no
	 * referrer leaving the platform, and no camera, microphone, geolocation or payment
	 * APIs. HSTS is sent when the request came over TLS (docs/security.md).
	 */
	static void headers(HeadersConfigurer<HttpSecurity> h) {
		h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
			.frameOptions(f -> f.deny());
	}

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
			+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
			+ "base-uri 'self'";

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, Directory directory, SignInGuard signIns) throws Exception {
		var problems = new ProblemSecurityHandlers();
		http.securityMatcher("/api/**").authorizeHttpRequests(auth -> {
			routes(auth);
			for (Area area : Area.values()) {
				for (HttpMethod write : WRITES) {
					auth.requestMatchers(write, area.apiPath(), area.apiPath() + "/**")
						.hasAnyRole(area.writerRoleNames());
				}
				auth.requestMatchers(area.apiPath(), area.apiPath() + "/**").hasAnyRole(area.roleNames());
			}
			auth.anyRequest().authenticated();
		})
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new BearerTokenFilter(directory, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(signIns, BasicAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleChain(HttpSecurity http, SignInGuard signIns) throws Exception {
		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/actuator/info", "/api-docs", "/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
				.permitAll();
			auth.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
			routes(auth);
			for (Area area : Area.values()) {
				for (HttpMethod write : WRITES) {
					auth.requestMatchers(write, area.consolePath(), area.consolePath() + "/**")
						.hasAnyRole(area.writerRoleNames());
				}
				// a form page is a write too: the read-only roles do not get the intake
				// form
				auth.requestMatchers(area.consolePath() + "/new").hasAnyRole(area.writerRoleNames());
				auth.requestMatchers(area.consolePath(), area.consolePath() + "/**").hasAnyRole(area.roleNames());
			}
			auth.anyRequest().authenticated();
		})
			.addFilterBefore(signIns, UsernamePasswordAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			// Prometheus scrapes /actuator/prometheus with basic auth
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

}
