package org.fanzha.identity.web;

import org.fanzha.identity.Directory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Console page of agencies and users for administrators. */
@Controller
class UserAdminPage {

	private final Directory directory;

	UserAdminPage(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/admin")
	String users(Model model) {
		model.addAttribute("agencies", directory.agencies());
		model.addAttribute("users", directory.users("user administration in console"));
		return "identity/users";
	}

}
