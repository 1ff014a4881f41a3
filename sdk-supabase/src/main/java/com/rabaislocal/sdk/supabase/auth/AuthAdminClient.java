package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Supabase Auth administration with the project's service-role key: create, list, read, update and delete users,
 * invite by e-mail, and generate sign-in links. The key bypasses every access rule: use this client on trusted
 * servers only, never with a user's input deciding which user to act on without checks.
 *
 * <p>Every request goes to {@code <url>/auth/v1} with the key as {@code apikey} and as
 * {@code Authorization: Bearer}, plus {@code X-Supabase-Api-Version: 2024-01-01} and {@code X-Client-Info}. Reads
 * (GET) are retried on 500-504 and 520-530; writes are sent once, except after a connection that failed before
 * anything was sent. Immutable and thread-safe; close it when done (the shared transport stays open).
 */
public final class AuthAdminClient extends AuthService {

    /** GoTrue's page size when none is asked for. */
    public static final int DEFAULT_PER_PAGE = 50;

    private AuthAdminClient(ClientOptions options) {
        super(options);
    }

    /** @return a builder; {@code url} and {@code serviceRoleKey} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        return settingsInto(new Builder());
    }

    /**
     * Creates a user ({@code POST /admin/users}). Sent once.
     *
     * @param params e-mail and/or phone, password, confirmation flags, metadata
     * @return the created user
     * @throws com.rabaislocal.sdk.core.error.ConflictException when the e-mail or phone is taken
     *     ({@code email_exists}, {@code phone_exists}, {@code user_already_exists}), whatever status GoTrue used
     * @throws com.rabaislocal.sdk.core.error.InvalidRequestException on a weak password (reasons in
     *     {@code fieldErrors().get("password")}) or invalid input
     */
    public User createUser(UserCreateParams params) {
        Objects.requireNonNull(params, "params");
        SdkRequest request = SdkRequest.builder("POST", "/admin/users").operation("auth.admin.users.create")
                .jsonBody(params.body()).repeatable(false)
                .build();
        return readUser(request);
    }

    /**
     * Reads one page of users ({@code GET /admin/users?page=&per_page=}).
     *
     * @param page the page number, from 1
     * @param perPage the page size, at least 1
     * @return the page, with the next page's number read from the {@code Link} header
     */
    public UserPage listUsers(int page, int perPage) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (page < 1) {
            AuthValues.problem(errors, "page", "must be at least 1, was " + page);
        }
        if (perPage < 1) {
            AuthValues.problem(errors, "perPage", "must be at least 1, was " + perPage);
        }
        AuthValues.check("listUsers arguments", errors);
        SdkRequest request = SdkRequest.builder("GET", "/admin/users").operation("auth.admin.users.list")
                .query("page", Integer.toString(page))
                .query("per_page", Integer.toString(perPage)).build();
        SdkResponse response = http.execute(request);
        JsonNode body = response.jsonNode();
        JsonNode usersNode = body.path("users");
        if (!usersNode.isArray()) {
            throw new UnexpectedResponseException(AuthHttp.SERVICE, request.describe(), response.status(),
                    response.requestId().orElse(null), "expected an object with a users array", null, null);
        }
        List<User> users = new ArrayList<>();
        usersNode.forEach(u -> users.add(AuthHttp.bind(u, User.class, request)));
        OptionalLong total = response.header("x-total-count").map(AuthAdminClient::parseLong)
                .orElse(OptionalLong.empty());
        String link = response.header("Link").orElse(null);
        OptionalInt next = UserPage.pageOf(link, "next");
        if (next.isPresent() && next.getAsInt() <= page) {
            // A next page that does not move forward would loop forever: treat this page as the last.
            next = OptionalInt.empty();
        }
        return new UserPage(users, page, perPage, total, next, UserPage.pageOf(link, "last"));
    }

    /**
     * Reads the first page of users, {@value #DEFAULT_PER_PAGE} per page.
     *
     * @return the page
     */
    public UserPage listUsers() {
        return listUsers(1, DEFAULT_PER_PAGE);
    }

    /**
     * Walks every page of users, following the {@code Link} header's {@code next} relation. Lazy: each page is
     * fetched when the stream reaches it, so stop early to save calls.
     *
     * @param perPage the page size, at least 1
     * @return the pages in order
     */
    public Stream<UserPage> listUserPages(int perPage) {
        if (perPage < 1) {
            throw new ValidationException("perPage", "must be at least 1, was " + perPage);
        }
        Iterator<UserPage> pages = new Iterator<>() {
            private UserPage last;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done && (last == null || last.hasNext());
            }

            @Override
            public UserPage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = listUsers(last == null ? 1 : last.nextPage().getAsInt(), perPage);
                if (last.users().isEmpty()) {
                    done = true;
                }
                return last;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Streams every user of the project, page after page (see {@link #listUserPages(int)}).
     *
     * @param perPage the page size, at least 1
     * @return every user, in GoTrue's order
     */
    public Stream<User> listAllUsers(int perPage) {
        return users(perPage).stream();
    }

    /**
     * Every user of the project on the kit's pager: lazy, one {@code GET /admin/users} per page, following the
     * {@code Link} header's {@code next} relation; stops on an empty page, on a next page that does not move
     * forward, on a page holding only users already seen (a server repeating itself), and after
     * {@value AutoPager#DEFAULT_MAX_PAGES} pages.
     *
     * @param perPage the page size, at least 1
     * @return the pager; iterate it, stream it, or walk its {@code pages()}
     * @throws ValidationException when {@code perPage} is below 1
     */
    public AutoPager<User> users(int perPage) {
        if (perPage < 1) {
            throw new ValidationException("perPage", "must be at least 1, was " + perPage);
        }
        return AutoPager.<User>builder(cursor -> {
            UserPage p = listUsers(cursor == null ? 1 : Integer.parseInt(cursor), perPage);
            boolean last = p.users().isEmpty() || p.nextPage().isEmpty();
            return new Page<>(p.users(), last ? null : Integer.toString(p.nextPage().getAsInt()));
        }).idOf(User::id).name("supabase auth users").build();
    }

    /**
     * Reads one user ({@code GET /admin/users/{id}}).
     *
     * @param id the user's id
     * @return the user
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when no such user exists
     */
    public User getUserById(UUID id) {
        SdkRequest request = SdkRequest.builder("GET", "/admin/users").pathSegment(requireId(id).toString())
                .operation("auth.admin.users.get").build();
        return readUser(request);
    }

    /**
     * Changes a user ({@code PUT /admin/users/{id}}). Sent once, as the official clients do.
     *
     * @param id the user's id
     * @param params the changes
     * @return the updated user
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when no such user exists
     */
    public User updateUserById(UUID id, UserUpdateParams params) {
        Objects.requireNonNull(params, "params");
        SdkRequest request = SdkRequest.builder("PUT", "/admin/users").pathSegment(requireId(id).toString())
                .operation("auth.admin.users.update")
                .jsonBody(params.body()).repeatable(false).build();
        return readUser(request);
    }

    /**
     * Deletes a user ({@code DELETE /admin/users/{id}} with {@code {"should_soft_delete": ...}}). Sent once: a
     * repeat after a delete that went through would fail with 404.
     *
     * @param id the user's id
     * @param softDelete true to keep the row, marked deleted and anonymised, so foreign keys to it survive; false
     *     to remove it
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when no such user exists
     */
    public void deleteUser(UUID id, boolean softDelete) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("should_soft_delete", softDelete);
        SdkRequest request = SdkRequest.builder("DELETE", "/admin/users").pathSegment(requireId(id).toString())
                .operation("auth.admin.users.delete")
                .jsonBody(body).repeatable(false).build();
        http.execute(request);
    }

    /**
     * Sends an invitation e-mail ({@code POST /invite}, {@code ?redirect_to=} when set). Sent once.
     *
     * @param params the address, metadata and redirect
     * @return the invited user
     * @throws com.rabaislocal.sdk.core.error.ConflictException when a user with that address exists
     * @throws com.rabaislocal.sdk.core.error.RateLimitException when GoTrue's e-mail rate limit is reached
     */
    public User inviteUserByEmail(UserInviteParams params) {
        Objects.requireNonNull(params, "params");
        SdkRequest.Builder rb = SdkRequest.builder("POST", "/invite").operation("auth.admin.users.invite")
                .jsonBody(params.body()).repeatable(false);
        params.redirectTo().ifPresent(r -> rb.query("redirect_to", r));
        return readUser(rb.build());
    }

    /**
     * Generates a sign-up, invite, magic-link, recovery or e-mail change link without sending it
     * ({@code POST /admin/generate_link}, {@code ?redirect_to=} when set), for RabaisLocal's own mailer. Sent once.
     *
     * @param params the link type and what it needs
     * @return the link, its OTP and token hash (as {@link Secret}s), and the user
     */
    public GeneratedLink generateLink(LinkGenerateParams params) {
        Objects.requireNonNull(params, "params");
        SdkRequest.Builder rb = SdkRequest.builder("POST", "/admin/generate_link")
                .operation("auth.admin.links.generate").jsonBody(params.body())
                .repeatable(false);
        params.redirectTo().ifPresent(r -> rb.query("redirect_to", r));
        SdkRequest request = rb.build();
        return GeneratedLink.read(AuthHttp.executeObject(http, request), request);
    }

    private User readUser(SdkRequest request) {
        return AuthHttp.bind(AuthHttp.executeObject(http, request), User.class, request);
    }

    private static UUID requireId(UUID id) {
        if (id == null) {
            throw new ValidationException("id", "is required");
        }
        return id;
    }

    private static OptionalLong parseLong(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Builds an {@link AuthAdminClient}; {@link #build()} validates. */
    public static final class Builder extends AuthServiceBuilder<Builder> {
        private Builder() {
        }

        @Override
        protected String credentialField() {
            return "serviceRoleKey";
        }

        @Override
        protected String credentialDescription() {
            return "the project's service-role or secret key";
        }

        /**
         * Sets the service-role (secret) key, read on every request so rotations apply.
         *
         * @param serviceRoleKey the key's provider
         * @return this builder
         */
        public Builder serviceRoleKey(CredentialProvider serviceRoleKey) {
            return key(serviceRoleKey);
        }

        /**
         * Sets serviceRoleKey.
         *
         * @param serviceRoleKey the service-role (secret) key
         * @return this builder
         */
        public Builder serviceRoleKey(Secret serviceRoleKey) {
            return serviceRoleKey(serviceRoleKey == null ? null : CredentialProvider.of(serviceRoleKey));
        }

        /**
         * Validates and builds.
         *
         * @return the client
         * @throws ValidationException naming every missing or invalid setting
         */
        public AuthAdminClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            ClientOptions options = checkSettings(errors);
            AuthValues.check("AuthAdminClient settings", errors);
            return new AuthAdminClient(options);
        }
    }
}
