package org.fanzha.core;

/*
 * Gender as encoded in a Chinese resident ID number (GB 11643-1999): the 17th
 * character, the sequence code's last digit, is odd for men and even for women.
 */
public enum Gender {

	MALE, FEMALE

}
