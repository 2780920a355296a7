package org.fanzha.monitoring.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.monitoring.Decision;
import org.fanzha.monitoring.FeedIntake;
import org.fanzha.monitoring.TransferScreening;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk transfer feeds, scored asynchronously: 202 with the feed's address, then poll it.
 */
@RestController
@Tag(name = "Monitoring", description = "Transfer decisions for banks")
class FeedsApi {

	private final FeedIntake feeds;

	FeedsApi(FeedIntake feeds) {
		this.feeds = feeds;
	}

	@PostMapping("/api/v1/transfers/feeds")
	@Operation(summary = "Send up to 100,000 transfers to be scored in the background")
	ResponseEntity<FeedIntake.FeedView> submit(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody List<TransferScreening.TransferIn> transfers) {
		FeedIntake.FeedView feed = feeds.submit(DecisionsApi.bank(me), transfers);
		return ResponseEntity.accepted().location(URI.create("/api/v1/transfers/feeds/" + feed.id())).body(feed);
	}

	@GetMapping("/api/v1/transfers/feeds/{id}")
	@Operation(summary = "A feed's progress and decision counts")
	FeedIntake.FeedView get(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return feeds.get(id, viewer(me));
	}

	@PersonalData(value = "TRANSFER_DECISION", purpose = "restricted transfers of a feed")
	@GetMapping("/api/v1/transfers/feeds/{id}/restricted")
	@Operation(summary = "The feed's transfers that were warned, reviewed, delayed or frozen (up to 1,000)")
	List<Decision> restricted(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return feeds.restricted(id, viewer(me), 1_000);
	}

	/** A bank sees its own feeds; the centre sees all. */
	private static String viewer(FanzhaPrincipal me) {
		return me.has(Role.BANK_OFFICER) ? DecisionsApi.bank(me) : null;
	}

}
