package org.fanzha.sim.io;

/**
 * The files of a Fanzha dataset, as written by the simulator and by every importer, with
 * their header lines. docs/simulator.md documents each column. Times are ISO-8601 with
 * offset (+08:00), amounts are fen, empty fields mean "none". Ground truth lives under
 * {@code truth/} so that an engine under evaluation can be given the directory without
 * it.
 */
public enum Table {

	PERSONS("persons.csv", "person_id,name,id_number,gender,birth_date,occupation,home_region,school_id,phone"),
	INSTITUTIONS("institutions.csv", "institution_code,name,kind"),
	ACCOUNTS("accounts.csv",
			"account_id,opening_balance_fen,institution,card_number,holder,account_class,open_date,branch_region,kind"),
	SIMS("sims.csv", "phone,holder,operator,activation_date,imei,agent_id,sale_region"),
	MERCHANTS("merchants.csv", "merchant_id,name,category,region,account_id"),
	TRANSFERS("transfers.csv", "transfer_id,time,from_account,to_account,amount_fen,channel,region"),
	CALLS("calls.csv", "call_id,time,caller,callee,duration_s,answered,cell_region,caller_imei"),
	SMS("sms.csv", "sms_id,time,sender,receiver,cell_region"),
	CASES("cases.csv",
			"case_id,report_time,victim,fraud_type,region,loss_fen,reported_transfers,suspect_phones,suspect_app_or_url,suspect_im"),
	TRUTH_GANGS("truth/gangs.csv", "gang_id,fraud_type,base_region,uses_sim_box,evasive"),
	TRUTH_FRAUD_SIMS("truth/fraud_sims.csv", "phone,gang_id,source,imei"),
	TRUTH_MULE_ACCOUNTS("truth/mule_accounts.csv", "account_id,gang_id,level,mule_kind,first_chain_id"),
	TRUTH_VICTIMS("truth/victims.csv", "person_id,gang_id,fraud_type,first_contact,payments,loss_fen,reported,case_id"),
	TRUTH_LAUNDERING("truth/laundering.csv", "transfer_id,chain_id,gang_id,level,victim_transfer_id"),
	TRUTH_MULE_TYPOLOGIES("truth/mule_typologies.csv", "account_id,typology");

	private final String fileName;

	private final String header;

	Table(String fileName, String header) {
		this.fileName = fileName;
		this.header = header;
	}

	public String fileName() {
		return fileName;
	}

	public String header() {
		return header;
	}

	public String[] columns() {
		return header.split(",");
	}

}
