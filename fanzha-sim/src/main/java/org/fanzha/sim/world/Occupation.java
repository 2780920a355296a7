package org.fanzha.sim.world;

public enum Occupation {

	STUDENT, EMPLOYEE, CIVIL_SERVANT, SELF_EMPLOYED, FARMER, RETIRED, UNEMPLOYED

}
