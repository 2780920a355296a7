package org.fanzha.linking.web;

import org.fanzha.audit.PersonalData;
import org.fanzha.core.Beijing;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.linking.CaseLinkage;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Console: the case groups, one group's evidence, chain and jurisdiction, the printable
 * sheet, referral.
 */
@Controller
class LinkingPage {

	private final CaseLinkage groups;

	private final Labels labels;

	LinkingPage(CaseLinkage groups, Labels labels) {
		this.labels = labels;
		this.groups = groups;
	}

	@PersonalData(value = "CASE_GROUP", purpose = "console: case groups")
	@GetMapping("/linking")
	String list(Model model) {
		model.addAttribute("groups", groups.groups(2, 200));
		model.addAttribute("zone", Beijing.ZONE);
		return "linking/list";
	}

	@GetMapping("/linking/groups/{caseNumber}")
	String group(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestParam(required = false) String dispute, Model model) {
		fill(me, caseNumber, dispute, model, null);
		return "linking/group";
	}

	@PostMapping("/linking/groups/{caseNumber}/referral")
	String refer(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestParam(required = false) String note, Model model) {
		try {
			groups.refer(caseNumber, me.username(), note);
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, caseNumber, null, model, labels.explain(e));
			return "linking/group";
		}
		return "redirect:/linking/groups/" + caseNumber;
	}

	@PersonalData(value = "CASE_GROUP", purpose = "jurisdiction sheet of a case group")
	@GetMapping(path = "/linking/groups/{caseNumber}/sheet", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String sheet(@PathVariable String caseNumber, @RequestParam(required = false) String dispute) {
		return printable(groups.sheet(caseNumber, dispute));
	}

	/** The engine's sheet (already escaped) in a page of its own, for the printer. */
	static String printable(String section) {
		return """
				<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>管辖决策参考</title><style>
				body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:2cm;color:#111}
				table{border-collapse:collapse;width:100%;font-size:10pt}td,th{border:1px solid #444;padding:3px 6px;vertical-align:top}
				@media print{.no-print{display:none}}</style></head><body id="sheet">
				<p class="no-print"><button onclick="window.print()">打印</button></p>
				"""
				+ section + "</body></html>";
	}

	private void fill(FanzhaPrincipal me, String caseNumber, String dispute, Model model, String error) {
		model.addAttribute("g", groups.group(caseNumber, dispute));
		model.addAttribute("dispute", dispute);
		model.addAttribute("centre", me.has(Role.CENTRE_OFFICER));
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

}
