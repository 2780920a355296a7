/**
 * The web console shell: login, the layout with navigation per role, the home page,
 * language switch (zh-CN default, English). Pages of a business area live in that area's
 * module; this module only frames them.
 */
@ApplicationModule(displayName = "Console")
package org.fanzha.console;

import org.springframework.modulith.ApplicationModule;
