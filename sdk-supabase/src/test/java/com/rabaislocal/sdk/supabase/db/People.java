package com.rabaislocal.sdk.supabase.db;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-up users of a test database, one per application role (two consumers and two merchants, to check that
 * peers are isolated from each other), created the way Supabase Auth creates them: a row in auth.users whose
 * app_metadata carries the role, from which the sync trigger makes the public.users profile.
 */
final class People {

    enum Person {
        CONSUMER1("consumer"), CONSUMER2("consumer"), MERCHANT1("merchant"), MERCHANT2("merchant"),
        AFFILIATE("affiliate"), ADMIN("admin");

        final String role;

        Person(String role) {
            this.role = role;
        }

        /** The label tests use for this person's rows: the local part of the e-mail. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Person, UUID> ids = new EnumMap<>(Person.class);

    private People() {
    }

    static People signUp(Api api) throws SQLException {
        People people = new People();
        for (Person p : Person.values()) {
            people.ids.put(p, signUp(api, p.label() + "@example.test", p.role));
        }
        return people;
    }

    /** Creates one auth user the way GoTrue does; the role goes to app_metadata (null: none). */
    static UUID signUp(Api api, String email, String role) throws SQLException {
        UUID id = UUID.randomUUID();
        String appMetadata = role == null ? "{}" : "{\"provider\":\"email\",\"role\":\"" + role + "\"}";
        api.owner().update("insert into auth.users (id, email, raw_app_meta_data, raw_user_meta_data)"
                + " values (?, ?, ?::jsonb, '{}'::jsonb)", id, email, appMetadata);
        return id;
    }

    UUID id(Person person) {
        return ids.get(person);
    }

    Person who(UUID id) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of the people: " + id));
    }
}
