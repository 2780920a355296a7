package org.fanzha.cardcutting.web;

import java.util.List;

import org.fanzha.cardcutting.SchoolDesk;
import org.fanzha.cardcutting.Viewer;
import org.fanzha.core.Beijing;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: a school's student cases with the workflow and parent contact, statistics and
 * bulletins; the centre's view.
 */
@Controller
class SchoolsPage {

	private final SchoolDesk schools;

	private final CardCuttingViewers viewers;

	private final Labels labels;

	SchoolsPage(SchoolDesk schools, CardCuttingViewers viewers, Labels labels) {
		this.labels = labels;
		this.schools = schools;
		this.viewers = viewers;
	}

	@GetMapping("/schools")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(viewers.of(me), model, null);
		return "schools/page";
	}

	@PostMapping("/schools/cases/{id}/advance")
	String advance(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String note, Model model) {
		Viewer v = viewers.of(me);
		return act(v, model, () -> schools.advance(v, id, new SchoolDesk.AdvanceIn(stage, note)));
	}

	@PostMapping("/schools/cases/{id}/parent-contact")
	String parents(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, Model model) {
		Viewer v = viewers.of(me);
		return act(v, model, () -> schools.contactParents(v, id, new SchoolDesk.ParentContactIn(note)));
	}

	@PostMapping("/schools/bulletins")
	String publish(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) List<String> schoolCodes,
			Model model) {
		Viewer v = viewers.of(me);
		return act(v, model, () -> schools.publish(v, new SchoolDesk.BulletinIn(title, body, schoolCodes)));
	}

	private String act(Viewer v, Model model, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidFieldsException e) {
			fill(v, model, labels.explain(e));
			return "schools/page";
		}
		catch (ConflictException e) {
			fill(v, model, labels.explain(e));
			return "schools/page";
		}
		return "redirect:/schools";
	}

	private void fill(Viewer v, Model model, String error) {
		model.addAttribute("school", v.role() == Role.SCHOOL_OFFICER);
		model.addAttribute("centre", v.centre());
		model.addAttribute("cases", schools.cases(v, null, 200));
		model.addAttribute("statistics", schools.statistics(v));
		model.addAttribute("bulletins", schools.bulletins(v, 20));
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

}
