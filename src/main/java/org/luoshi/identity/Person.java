package org.luoshi.identity;

/** A person of the district (a Camunda user), with the name as it is written in Chinese. */
public record Person(String id, String name, String email) {}
