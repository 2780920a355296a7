package org.fanzha.identity.internal;

import java.util.List;

import org.fanzha.identity.Area;
import org.fanzha.identity.Directory;
import org.fanzha.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains. The API chain is stateless (HTTP basic for people, bearer tokens for banks and
 * operators) and answers 401/403 as problem details. The console chain uses form login with sessions
 * and CSRF protection. Both take their per-area rules from {@link Area}; the read-only roles
 * ({@link org.fanzha.identity.Role#readsOnly()}) are refused every write here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** Methods that change something: refused to the read-only roles (procurator, oversight) in every area. */
	static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt by default, with the {id} prefix so the algorithm can be upgraded later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, Directory directory) throws Exception {
		var problems = new ProblemSecurityHandlers();
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(auth -> {
					for (Area area : Area.values()) {
						for (HttpMethod write : WRITES) {
							auth.requestMatchers(write, area.apiPath(), area.apiPath() + "/**").hasAnyRole(area.writerRoleNames());
						}
						auth.requestMatchers(area.apiPath(), area.apiPath() + "/**").hasAnyRole(area.roleNames());
					}
					auth.anyRequest().authenticated();
				})
				.httpBasic(basic -> basic.authenticationEntryPoint(problems))
				.addFilterBefore(new BearerTokenFilter(directory, problems), BasicAuthenticationFilter.class)
				.csrf(csrf -> csrf.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/actuator/info", "/api-docs", "/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**").permitAll();
			auth.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
			for (Area area : Area.values()) {
				for (HttpMethod write : WRITES) {
					auth.requestMatchers(write, area.consolePath(), area.consolePath() + "/**")
							.hasAnyRole(area.writerRoleNames());
				}
				// a form page is a write too: the read-only roles do not get the intake form
				auth.requestMatchers(area.consolePath() + "/new").hasAnyRole(area.writerRoleNames());
				auth.requestMatchers(area.consolePath(), area.consolePath() + "/**").hasAnyRole(area.roleNames());
			}
			auth.anyRequest().authenticated();
		})
				.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
				// Prometheus scrapes /actuator/prometheus with basic auth
				.httpBasic(Customizer.withDefaults());
		return http.build();
	}
}
