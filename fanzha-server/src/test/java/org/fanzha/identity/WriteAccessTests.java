package org.fanzha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint the application maps (API and console, found from the handler
 * mappings, so a new one is covered without editing this test) against every role: the
 * read-only roles, the roles outside the area and the roles a {@link Route} keeps out (a
 * centre officer on the bank gateway, a bank on the centre's freeze forms) get 403 before
 * any handler runs, whatever the body.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WriteAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Each write endpoint as "METHOD path", path variables filled with a harmless value.
	 */
	List<String[]> writes() {
		TreeSet<String> out = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (RequestMethod m : info.getMethodsCondition().getMethods()) {
				if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					out.add(m.name() + " " + pattern.replaceAll("\\{[^}]+}", "1"));
				}
			}
		});
		return out.stream().map(s -> s.split(" ", 2)).toList();
	}

	static Area areaOf(String path) {
		for (Area a : Area.values()) {
			for (String prefix : List.of(a.consolePath(), a.apiPath())) {
				if (path.equals(prefix) || path.startsWith(prefix + "/")) {
					return a;
				}
			}
		}
		return null;
	}

	static final AntPathMatcher PATHS = new AntPathMatcher();

	/**
	 * The first route that covers this write, as the security configuration applies them;
	 * null if none.
	 */
	static Route routeOf(String method, String path) {
		for (Route r : Route.values()) {
			if (r.method() != null && !r.method().equals(method)) {
				continue;
			}
			for (String pattern : r.patterns()) {
				if (PATHS.match(pattern, path)) {
					return r;
				}
			}
		}
		return null;
	}

	@Test
	void readOnlyRolesAndOutsidersCannotWriteAnywhere() throws Exception {
		List<String[]> writes = writes();
		assertThat(writes).as("the application maps write endpoints").hasSizeGreaterThan(20);
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (String[] w : writes) {
			Area area = areaOf(w[1]);
			if (area == null) {
				continue; // /login, /logout, /locale: every signed-in user's own
			}
			for (Role role : Role.values()) {
				Route route = routeOf(w[0], w[1]);
				boolean mayWrite = area.admits(role) && !role.readsOnly() && (route == null || route.admits(role));
				if (mayWrite) {
					continue;
				}
				var principal = directory.loadUserByUsername(DemoLogins.USER_BY_ROLE.get(role));
				int status = mvc
					.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(w[0]), w[1])
						.with(user(principal))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{}"))
					.andReturn()
					.getResponse()
					.getStatus();
				checked++;
				if (status != 403) {
					wrong.add(role + " " + w[0] + " " + w[1] + " -> " + status);
				}
			}
		}
		assertThat(checked).isGreaterThan(100);
		assertThat(wrong).as("writes that must be refused").isEmpty();
	}

}
