package org.fanzha.cardcutting.web;

import java.util.List;
import java.util.function.Supplier;

import org.fanzha.cardcutting.DisciplinaryList;
import org.fanzha.cardcutting.InvolvementRegister;
import org.fanzha.cardcutting.Viewer;
import org.fanzha.core.Beijing;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: for the police the persons and the disciplinary list with its workflow (the
 * centre registers, records and decides; a station reads its region's); for banks and
 * operators the list query by ID number. Persons are addressed by their opaque id and the
 * query is a POST, so that no ID number ends up in a URL (history, proxy logs, Referer
 * headers).
 */
@Controller
class CardCuttingPage {

	private final InvolvementRegister persons;

	private final DisciplinaryList list;

	private final CardCuttingViewers viewers;

	private final Labels labels;

	CardCuttingPage(InvolvementRegister persons, DisciplinaryList list, CardCuttingViewers viewers, Labels labels) {
		this.labels = labels;
		this.persons = persons;
		this.list = list;
		this.viewers = viewers;
	}

	@GetMapping("/cardcutting")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, Model model) {
		fill(viewers.of(me), model, null);
		return "cardcutting/page";
	}

	@PostMapping("/cardcutting/query")
	String query(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String idNumber,
			Model model) {
		Viewer v = viewers.of(me);
		String error = null;
		try {
			model.addAttribute("answer", list.query(v, idNumber));
		}
		catch (InvalidFieldsException e) {
			error = labels.explain(e);
		}
		fill(v, model, error);
		return "cardcutting/page";
	}

	/**
	 * The language switch on a query's answer reloads the address it was posted to: back
	 * to the page.
	 */
	@GetMapping("/cardcutting/query")
	String queryPage() {
		return "redirect:/cardcutting";
	}

	@PostMapping("/cardcutting/persons")
	String register(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String school,
			Model model) {
		Viewer v = viewers.of(me);
		try {
			InvolvementRegister.PersonView p = persons.register(v,
					new InvolvementRegister.NewPerson(idNumber, name, phone, regionCode, school));
			return "redirect:/cardcutting/persons/" + p.personId();
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(v, model, message(e));
			return "cardcutting/page";
		}
	}

	@GetMapping("/cardcutting/persons/{personId}")
	String person(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId, Model model) {
		Viewer v = viewers.of(me);
		model.addAttribute("person", persons.person(v, personId));
		fillPerson(v, model, null);
		return "cardcutting/person";
	}

	@PostMapping("/cardcutting/persons/{personId}/accounts")
	String account(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestParam(required = false) String bank, @RequestParam(required = false) String cardNumber,
			@RequestParam(required = false) String accountClass, Model model) {
		Viewer v = viewers.of(me);
		return onPerson(v, personId, model, () -> persons.addAccount(v, personId,
				new InvolvementRegister.NewAccount(bank, cardNumber, accountClass)));
	}

	@PostMapping("/cardcutting/persons/{personId}/sims")
	String sim(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestParam(required = false) String phone, Model model) {
		Viewer v = viewers.of(me);
		return onPerson(v, personId, model, () -> persons.addSim(v, personId, new InvolvementRegister.NewSim(phone)));
	}

	@PostMapping("/cardcutting/persons/{personId}/involvements")
	String involvement(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reference,
			@RequestParam(required = false) Integer targetsHelped, @RequestParam(required = false) Long settlementYuan,
			@RequestParam(required = false) Long illegalGainsYuan, @RequestParam(required = false) String detail,
			Model model) {
		Viewer v = viewers.of(me);
		return onPerson(v, personId, model,
				() -> persons.recordInvolvement(v, personId, new InvolvementRegister.NewInvolvement(kind, reference,
						targetsHelped, fen(settlementYuan), null, fen(illegalGainsYuan), null, detail)));
	}

	@PostMapping("/cardcutting/persons/{personId}/findings")
	String findings(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestParam(required = false) boolean helpedCrimeEstablished,
			@RequestParam(required = false) boolean priorPenaltyWithinTwoYears,
			@RequestParam(required = false) String consequences, Model model) {
		Viewer v = viewers.of(me);
		return onPerson(v, personId, model, () -> persons.findings(v, personId,
				new InvolvementRegister.FindingsIn(helpedCrimeEstablished, priorPenaltyWithinTwoYears, consequences)));
	}

	@GetMapping("/cardcutting/listings/{id}")
	String listing(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, Model model) {
		Viewer v = viewers.of(me);
		model.addAttribute("listing", list.listing(v, id));
		fillListing(v, model, null);
		return "cardcutting/listing";
	}

	@PostMapping("/cardcutting/listings/{id}/{action}")
	String act(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) List<String> measures, @RequestParam(required = false) String note,
			@RequestParam(required = false) String statement, @RequestParam(required = false) List<String> documents,
			Model model) {
		Viewer v = viewers.of(me);
		try {
			switch (action) {
				case "decide" -> list.decide(v, id, new DisciplinaryList.DecisionIn(measures, note));
				case "dismiss" -> list.dismiss(v, id, new DisciplinaryList.NoteIn(note));
				case "notify" -> list.notify(v, id, null);
				case "appeal" -> list.appeal(v, id, new DisciplinaryList.AppealIn(statement, documents));
				case "lift" -> list.lift(v, id, new DisciplinaryList.NoteIn(note));
				case "reject-appeal" -> list.rejectAppeal(v, id, new DisciplinaryList.NoteIn(note));
				case "credit-repair" -> list.repairCredit(v, id, new DisciplinaryList.NoteIn(note));
				default -> throw new NotFoundException("no action " + action);
			}
		}
		catch (InvalidFieldsException | ConflictException e) {
			model.addAttribute("listing", list.listing(v, id));
			fillListing(v, model, message(e));
			return "cardcutting/listing";
		}
		return "redirect:/cardcutting/listings/" + id;
	}

	private String onPerson(Viewer v, String personId, Model model, Supplier<InvolvementRegister.PersonView> action) {
		try {
			action.get();
			return "redirect:/cardcutting/persons/" + personId;
		}
		catch (InvalidFieldsException | ConflictException e) {
			model.addAttribute("person", persons.person(v, personId));
			fillPerson(v, model, message(e));
			return "cardcutting/person";
		}
	}

	private void fill(Viewer v, Model model, String error) {
		model.addAttribute("police", v.police());
		model.addAttribute("centre", v.centre());
		model.addAttribute("persons", v.police() ? persons.persons(v, 100) : List.of());
		model.addAttribute("listings", v.police() ? list.listings(v, null, 100) : List.of());
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

	private static void fillPerson(Viewer v, Model model, String error) {
		model.addAttribute("centre", v.centre());
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

	private static void fillListing(Viewer v, Model model, String error) {
		model.addAttribute("centre", v.centre());
		model.addAttribute("decider", v.mayDecide());
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
	}

	private String message(RuntimeException e) {
		return labels.explain(e);
	}

	private static Long fen(Long yuan) {
		return yuan == null ? null : Math.multiplyExact(yuan, 100L);
	}

}
