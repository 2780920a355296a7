package org.fanzha.cardcutting.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.cardcutting.DisciplinaryList;
import org.fanzha.cardcutting.InvolvementRegister;
import org.fanzha.identity.FanzhaPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card-cutting API: persons, their cards and involvement for the centre (stations read
 * their region's), the disciplinary list's lifecycle, and the list query for banks and
 * operators. A person is addressed by its opaque {@code personId}; an ID number only ever
 * travels in a request body (POST search and check), never in a URL.
 */
@RestController
@Tag(name = "Card-cutting",
		description = "Persons and cards, the 帮信 assessment and the disciplinary list (arts. 31-32)")
class CardCuttingApi {

	private static final String BASE = "/api/v1/cardcutting";

	private final InvolvementRegister persons;

	private final DisciplinaryList list;

	private final CardCuttingViewers viewers;

	CardCuttingApi(InvolvementRegister persons, DisciplinaryList list, CardCuttingViewers viewers) {
		this.persons = persons;
		this.list = list;
		this.viewers = viewers;
	}

	@PostMapping(BASE + "/persons")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a person (centre)")
	InvolvementRegister.PersonView register(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody InvolvementRegister.NewPerson in) {
		return persons.register(viewers.of(me), in);
	}

	@GetMapping(BASE + "/persons")
	@Operation(summary = "Persons, newest first (a station: its region); the read is audited")
	List<InvolvementRegister.PersonSummary> persons(@AuthenticationPrincipal FanzhaPrincipal me) {
		return persons.persons(viewers.of(me), 500);
	}

	@GetMapping(BASE + "/persons/{personId}")
	@Operation(
			summary = "A person with accounts, SIMs, involvement, the card-limit check, the 帮信 assessment and listings")
	InvolvementRegister.PersonView person(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId) {
		return persons.person(viewers.of(me), personId);
	}

	@PostMapping(BASE + "/persons/search")
	@Operation(summary = "The person with this ID number (in the body, so it stays out of URLs and logs); audited")
	InvolvementRegister.PersonView search(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody InvolvementRegister.Search in) {
		return persons.search(viewers.of(me), in);
	}

	@PostMapping(BASE + "/persons/{personId}/accounts")
	@Operation(summary = "Add a bank account or card the person holds")
	InvolvementRegister.PersonView account(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestBody InvolvementRegister.NewAccount in) {
		return persons.addAccount(viewers.of(me), personId, in);
	}

	@PostMapping(BASE + "/persons/{personId}/sims")
	@Operation(summary = "Add a SIM the person holds (operator from the number segment)")
	InvolvementRegister.PersonView sim(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestBody InvolvementRegister.NewSim in) {
		return persons.addSim(viewers.of(me), personId, in);
	}

	@PostMapping(BASE + "/persons/{personId}/involvements")
	@Operation(summary = "Record involvement (card sold, mule account, fraud SIM, amounts); may propose a listing")
	InvolvementRegister.PersonView involvement(@AuthenticationPrincipal FanzhaPrincipal me,
			@PathVariable String personId, @RequestBody InvolvementRegister.NewInvolvement in) {
		return persons.recordInvolvement(viewers.of(me), personId, in);
	}

	@PutMapping(BASE + "/persons/{personId}/findings")
	@Operation(summary = "What the officer established: helped crime proven, prior penalty, consequences")
	InvolvementRegister.PersonView findings(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String personId,
			@RequestBody InvolvementRegister.FindingsIn in) {
		return persons.findings(viewers.of(me), personId, in);
	}

	@GetMapping(BASE + "/listings")
	@Operation(summary = "The disciplinary list (police), newest first, optionally one status")
	List<DisciplinaryList.ListingView> listings(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(required = false) String status) {
		return list.listings(viewers.of(me), status, 500);
	}

	@GetMapping(BASE + "/listings/{id}")
	DisciplinaryList.ListingView listing(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return list.listing(viewers.of(me), id);
	}

	@PostMapping(BASE + "/listings/{id}/decide")
	@Operation(summary = "Decide a proposal with its measures (a centre officer of a prefecture-level or higher unit)")
	DisciplinaryList.ListingView decide(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) DisciplinaryList.DecisionIn in) {
		return list.decide(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/dismiss")
	DisciplinaryList.ListingView dismiss(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody DisciplinaryList.NoteIn in) {
		return list.dismiss(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/notify")
	@Operation(summary = "Issue the notice: reason, appeal channel, documents, deadline (art. 32)")
	DisciplinaryList.ListingView notify(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) DisciplinaryList.NoticeIn in) {
		return list.notify(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/appeal")
	@Operation(summary = "Record the person's appeal with the documents submitted")
	DisciplinaryList.ListingView appeal(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody DisciplinaryList.AppealIn in) {
		return list.appeal(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/lift")
	@Operation(summary = "The appeal is verified: lift every measure at once (art. 32)")
	DisciplinaryList.ListingView lift(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) DisciplinaryList.NoteIn in) {
		return list.lift(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/reject-appeal")
	DisciplinaryList.ListingView rejectAppeal(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody DisciplinaryList.NoteIn in) {
		return list.rejectAppeal(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/listings/{id}/credit-repair")
	@Operation(summary = "Credit repair: clear the record, end any measure still running")
	DisciplinaryList.ListingView creditRepair(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody DisciplinaryList.NoteIn in) {
		return list.repairCredit(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/disciplinary-list/check")
	@Operation(summary = "Is this ID number (in the body) listed? The measures in force the caller applies, until when")
	DisciplinaryList.QueryAnswer check(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody DisciplinaryList.CheckIn in) {
		return list.query(viewers.of(me), in == null ? null : in.idNumber());
	}

}
