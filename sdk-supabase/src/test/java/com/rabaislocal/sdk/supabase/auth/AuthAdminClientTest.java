package com.rabaislocal.sdk.supabase.auth;

import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.body;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.json;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.tree;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.userJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAdminClientTest extends AuthWireTest {

    private static final String SERVICE_KEY = "sb_secret_service-role-key-Pq71";
    private static final UUID ID = UUID.fromString(AuthFixtures.USER_ID);

    private AuthAdminClient admin;

    @BeforeEach
    void start() {
        admin = AuthAdminClient.builder().url(projectUrl()).serviceRoleKey(Secret.of(SERVICE_KEY))
                .transport(transport).retryPolicy(AuthFixtures.noSleep(waits)).build();
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    private static void assertAdminHeaders(RecordedRequest r) {
        assertGoTrueHeaders(r, SERVICE_KEY);
        assertEquals("Bearer " + SERVICE_KEY, r.getHeader("Authorization"));
    }

    @Test
    void createUserPostsEveryFieldSet() throws Exception {
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "shop@example.com")));

        User u = admin.createUser(UserCreateParams.builder().email("shop@example.com").password("S3cure-Pass-77")
                .emailConfirm(true).userMetadata(Map.of("display_name", "Boutique"))
                .appMetadata(Map.of("merchant_id", 42)).build());

        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/admin/users", r.getPath());
        assertAdminHeaders(r);
        assertEquals(tree("{\"email\":\"shop@example.com\",\"password\":\"S3cure-Pass-77\",\"email_confirm\":true,"
                + "\"user_metadata\":{\"display_name\":\"Boutique\"},\"app_metadata\":{\"merchant_id\":42}}"), body(r));
        assertEquals(ID, u.id());
        assertEquals("shop@example.com", u.email());
    }

    @Test
    void createUserOfATakenAddressIsAConflictAndIsNotRepeated() {
        server.enqueue(json(422, "{\"code\":\"email_exists\",\"message\":\"A user with this email address has"
                + " already been registered\"}"));
        ConflictException e = assertThrows(ConflictException.class, () -> admin.createUser(
                UserCreateParams.builder().email("shop@example.com").build()));
        assertEquals("email_exists", e.code().orElseThrow());
        assertEquals(422, e.httpStatus());

        server.enqueue(json(500, "{\"message\":\"Database error creating new user\"}"));
        assertThrows(ServerException.class, () -> admin.createUser(
                UserCreateParams.builder().phone("+15145550101").build()));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createUserWithAWeakPasswordListsTheReasons() {
        server.enqueue(json(422, "{\"code\":\"weak_password\",\"message\":\"Password is known to be weak and easy"
                + " to guess, please choose a different one.\",\"weak_password\":{\"reasons\":[\"pwned\"]}}"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> admin.createUser(
                UserCreateParams.builder().email("shop@example.com").password("password123").build()));
        assertEquals(List.of("pwned"), e.fieldErrors().get("password"));
        assertFalse(e.getMessage().contains("password123"));
    }

    @Test
    void listUsersSendsPageAndPerPageAndReadsLinkAndTotal() throws Exception {
        server.enqueue(json(200, "{\"aud\":\"authenticated\",\"users\":[" + userJson(AuthFixtures.USER_ID,
                "a@example.com") + "]}")
                .setHeader("x-total-count", "23")
                .setHeader("Link", "</admin/users?page=12&per_page=2>; rel=\"next\", "
                        + "</admin/users?page=12&per_page=2>; rel=\"last\""));

        UserPage page = admin.listUsers(11, 2);

        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/auth/v1/admin/users", r.getRequestUrl().encodedPath());
        assertEquals("11", r.getRequestUrl().queryParameter("page"));
        assertEquals("2", r.getRequestUrl().queryParameter("per_page"));
        assertAdminHeaders(r);
        assertEquals(1, page.users().size());
        assertEquals(OptionalInt.of(12), page.nextPage());
        assertEquals(OptionalInt.of(12), page.lastPage());
        assertEquals(23, page.total().getAsLong());
        assertEquals(11, page.page());
        assertEquals(2, page.perPage());
    }

    @Test
    void listAllUsersWalksTwelvePagesInOrder() throws Exception {
        int total = 23;
        int perPage = 2;
        int pages = 12;
        for (int p = 1; p <= pages; p++) {
            StringBuilder users = new StringBuilder();
            for (int i = (p - 1) * perPage; i < Math.min(total, p * perPage); i++) {
                if (users.length() > 0) {
                    users.append(',');
                }
                users.append(userJson(uuid(i).toString(), "user" + i + "@example.com"));
            }
            String link = (p < pages ? "</admin/users?page=" + (p + 1) + "&per_page=2>; rel=\"next\", " : "")
                    + "</admin/users?page=" + pages + "&per_page=2>; rel=\"last\"";
            server.enqueue(json(200, "{\"aud\":\"authenticated\",\"users\":[" + users + "]}")
                    .setHeader("x-total-count", Integer.toString(total)).setHeader("Link", link));
        }

        List<User> all = admin.listAllUsers(perPage).collect(Collectors.toList());

        assertEquals(total, all.size());
        for (int i = 0; i < total; i++) {
            assertEquals(uuid(i), all.get(i).id());
        }
        assertEquals(pages, server.getRequestCount());
        for (int p = 1; p <= pages; p++) {
            RecordedRequest r = server.takeRequest();
            assertEquals(Integer.toString(p), r.getRequestUrl().queryParameter("page"));
            assertEquals("2", r.getRequestUrl().queryParameter("per_page"));
        }
    }

    @Test
    void thePagerIsLazyAndStopsOnAnEmptyPageOrANonAdvancingLink() {
        server.enqueue(json(200, "{\"users\":[" + userJson(uuid(0).toString(), "a@example.com") + "]}")
                .setHeader("Link", "</admin/users?page=2&per_page=1>; rel=\"next\""));
        assertEquals(uuid(0), admin.listAllUsers(1).findFirst().orElseThrow().id());
        assertEquals(1, server.getRequestCount());

        server.enqueue(json(200, "{\"users\":[" + userJson(uuid(0).toString(), "a@example.com") + "]}")
                .setHeader("Link", "</admin/users?page=2&per_page=1>; rel=\"next\""));
        server.enqueue(json(200, "{\"users\":[]}")
                .setHeader("Link", "</admin/users?page=3&per_page=1>; rel=\"next\""));
        assertEquals(1, admin.listAllUsers(1).count());
        assertEquals(3, server.getRequestCount());

        server.enqueue(json(200, "{\"users\":[" + userJson(uuid(0).toString(), "a@example.com") + "]}")
                .setHeader("Link", "</admin/users?page=1&per_page=1>; rel=\"next\""));
        assertEquals(1, admin.listUserPages(1).count());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void theUsersPagerStopsWhenAServerRepeatsAPageWhateverItsLinksSay() {
        for (int p = 1; p <= 3; p++) {
            server.enqueue(json(200, "{\"users\":[" + userJson(uuid(0).toString(), "a@example.com") + "]}")
                    .setHeader("Link", "</admin/users?page=" + (p + 1) + "&per_page=1>; rel=\"next\""));
        }
        java.util.List<User> all = admin.users(1).toList();
        assertEquals(java.util.List.of(uuid(0)), all.stream().map(User::id).toList());
        assertEquals(2, server.getRequestCount(), "the second page held no unseen user: the walk ends there");
    }

    @Test
    void linkHeaderPagesAreReadWhole() {
        String header = "</admin/users?page=12&per_page=2>; rel=\"next\", </admin/users?page=12&per_page=2>;"
                + " rel=\"last\"";
        assertEquals(OptionalInt.of(12), UserPage.pageOf(header, "next"));
        assertEquals(OptionalInt.of(12), UserPage.pageOf(header, "last"));
        assertEquals(OptionalInt.of(3), UserPage.pageOf("</admin/users?per_page=50&page=3>; rel=next", "next"));
        assertEquals(OptionalInt.of(107), UserPage.pageOf(
                "<https://x.supabase.co/auth/v1/admin/users?page=107&per_page=10>; rel=\"next last\"", "last"));
        assertEquals(OptionalInt.empty(), UserPage.pageOf("</admin/users?page=9&per_page=2>; rel=\"last\"", "next"));
        assertEquals(OptionalInt.empty(), UserPage.pageOf(null, "next"));
    }

    @Test
    void getUserByIdIsRetriedOnServerErrorsAndMapsNotFound() throws Exception {
        server.enqueue(json(502, "{\"message\":\"bad gateway\"}"));
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "a@example.com")));
        assertEquals(ID, admin.getUserById(ID).id());
        assertEquals(1, waits.size());
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/auth/v1/admin/users/" + ID, r.getPath());
        assertAdminHeaders(r);
        server.takeRequest();

        server.enqueue(json(404, "{\"code\":\"user_not_found\",\"message\":\"User not found\"}"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> admin.getUserById(ID));
        assertEquals("user_not_found", e.code().orElseThrow());
    }

    @Test
    void updateUserByIdPutsOnlyTheChanges() throws Exception {
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "new@example.com")));

        Map<String, Object> removeTier = new java.util.HashMap<>();
        removeTier.put("tier", null);
        admin.updateUserById(ID, UserUpdateParams.builder().email("new@example.com").ban(Duration.ofDays(1))
                .appMetadata(removeTier).build());

        RecordedRequest r = server.takeRequest();
        assertEquals("PUT", r.getMethod());
        assertEquals("/auth/v1/admin/users/" + ID, r.getPath());
        assertAdminHeaders(r);
        assertEquals(tree("{\"email\":\"new@example.com\",\"app_metadata\":{\"tier\":null},"
                + "\"ban_duration\":\"86400s\"}"), body(r));

        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "new@example.com")));
        admin.updateUserById(ID, UserUpdateParams.builder().unban().build());
        assertEquals(tree("{\"ban_duration\":\"none\"}"), body(server.takeRequest()));
        assertThrows(ValidationException.class, () -> UserUpdateParams.builder().build());
        assertThrows(ValidationException.class, () -> UserUpdateParams.builder().ban(Duration.ZERO).build());
    }

    @Test
    void deleteUserSendsTheSoftDeleteFlag() throws Exception {
        server.enqueue(json(200, "{}"));
        server.enqueue(json(200, "{}"));
        admin.deleteUser(ID, true);
        admin.deleteUser(ID, false);
        RecordedRequest soft = server.takeRequest();
        assertEquals("DELETE", soft.getMethod());
        assertEquals("/auth/v1/admin/users/" + ID, soft.getPath());
        assertAdminHeaders(soft);
        assertEquals(tree("{\"should_soft_delete\":true}"), body(soft));
        assertEquals(tree("{\"should_soft_delete\":false}"), body(server.takeRequest()));

        server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
        assertThrows(ServerException.class, () -> admin.deleteUser(ID, false));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void inviteUserByEmailPostsTheAddressDataAndRedirect() throws Exception {
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "new.shop@example.com")));

        User u = admin.inviteUserByEmail(UserInviteParams.builder().email("new.shop@example.com")
                .data(Map.of("merchant_name", "Chez Léa")).redirectTo("https://app.rabaislocal.com/join").build());

        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/invite", r.getRequestUrl().encodedPath());
        assertEquals("https://app.rabaislocal.com/join", r.getRequestUrl().queryParameter("redirect_to"));
        assertAdminHeaders(r);
        assertEquals(tree("{\"email\":\"new.shop@example.com\",\"data\":{\"merchant_name\":\"Chez Léa\"}}"), body(r));
        assertEquals("new.shop@example.com", u.email());
    }

    @Test
    void inviteRateLimitedByTheMailerIsARateLimit() {
        server.enqueue(json(429, "{\"code\":\"over_email_send_rate_limit\",\"message\":\"email rate limit"
                + " exceeded\"}").setHeader("Retry-After", "120"));
        RateLimitException e = assertThrows(RateLimitException.class, () -> admin.inviteUserByEmail(
                UserInviteParams.of("new.shop@example.com")));
        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        assertEquals("over_email_send_rate_limit", e.code().orElseThrow());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void inviteOfAnExistingUserIsAConflict() {
        server.enqueue(json(422, "{\"code\":\"email_exists\",\"message\":\"A user with this email address has"
                + " already been registered\"}"));
        assertThrows(ConflictException.class, () -> admin.inviteUserByEmail(UserInviteParams.of("a@example.com")));
    }

    @Test
    void generateLinkPostsTypeAndReadsTheSecretsApart() throws Exception {
        String link = "https://ref.supabase.co/auth/v1/verify?token=pkce_7f8e9d&type=magiclink"
                + "&redirect_to=https://app.rabaislocal.com";
        String user = userJson(AuthFixtures.USER_ID, "a@example.com");
        server.enqueue(json(200, user.substring(0, user.length() - 1) + ",\"action_link\":\"" + link
                + "\",\"email_otp\":\"428731\",\"hashed_token\":\"b1946ac92492d2347c6235b4d2611184\","
                + "\"redirect_to\":\"https://app.rabaislocal.com\",\"verification_type\":\"magiclink\"}"));

        GeneratedLink result = admin.generateLink(LinkGenerateParams.builder().type(LinkType.MAGIC_LINK)
                .email("a@example.com").redirectTo("https://app.rabaislocal.com").build());

        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/admin/generate_link", r.getRequestUrl().encodedPath());
        assertEquals("https://app.rabaislocal.com", r.getRequestUrl().queryParameter("redirect_to"));
        assertAdminHeaders(r);
        assertEquals(tree("{\"type\":\"magiclink\",\"email\":\"a@example.com\"}"), body(r));

        assertEquals(link, result.actionLink().reveal());
        assertEquals("428731", result.emailOtp().orElseThrow().reveal());
        assertEquals("b1946ac92492d2347c6235b4d2611184", result.hashedToken().orElseThrow().reveal());
        assertEquals("magiclink", result.verificationType().orElseThrow());
        assertEquals(ID, result.user().id());
        String text = result.toString();
        for (String s : List.of("pkce_7f8e9d", "428731", "b1946ac9")) {
            assertFalse(text.contains(s), text);
        }
    }

    @Test
    void generateLinkParamsRequireWhatTheTypeNeeds() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> LinkGenerateParams.builder()
                .type(LinkType.SIGNUP).email("a@example.com").build());
        assertTrue(e.fieldErrors().containsKey("password"));
        e = assertThrows(ValidationException.class, () -> LinkGenerateParams.builder()
                .type(LinkType.EMAIL_CHANGE_NEW).email("a@example.com").build());
        assertTrue(e.fieldErrors().containsKey("newEmail"));

        String user = userJson(AuthFixtures.USER_ID, "a@example.com");
        server.enqueue(json(200, user.substring(0, user.length() - 1) + ",\"action_link\":\"https://l\"}"));
        admin.generateLink(LinkGenerateParams.builder().type(LinkType.EMAIL_CHANGE_CURRENT)
                .email("a@example.com").newEmail("b@example.com").build());
        assertEquals(tree("{\"type\":\"email_change_current\",\"email\":\"a@example.com\","
                + "\"new_email\":\"b@example.com\"}"), body(server.takeRequest()));
    }

    @Test
    void theServiceRoleKeyIsReadPerRequestAndNeverLogged() throws Exception {
        AtomicReference<String> current = new AtomicReference<>(SERVICE_KEY);
        try (AuthAdminClient rotating = admin.toBuilder()
                .serviceRoleKey((CredentialProvider) () -> Secret.of(current.get())).build();
                LogCapture logs = LogCapture.sdk()) {
            server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "a@example.com")));
            server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "a@example.com")));
            rotating.getUserById(ID);
            current.set("sb_secret_rotated-Zz9");
            rotating.createUser(UserCreateParams.builder().email("a@example.com").password("Pw-Never-Logged-1")
                    .build());
            assertEquals(SERVICE_KEY, server.takeRequest().getHeader("apikey"));
            RecordedRequest second = server.takeRequest();
            assertEquals("sb_secret_rotated-Zz9", second.getHeader("apikey"));
            assertEquals("Bearer sb_secret_rotated-Zz9", second.getHeader("Authorization"));
            String text = logs.text() + rotating;
            for (String s : List.of(SERVICE_KEY, "sb_secret_rotated-Zz9", "Pw-Never-Logged-1")) {
                assertFalse(text.contains(s), text);
            }
        }
    }

    @Test
    void argumentsAreValidatedBeforeAnyRequest() {
        assertThrows(ValidationException.class, () -> admin.listUsers(0, 50));
        assertThrows(ValidationException.class, () -> admin.listUsers(1, 0));
        assertThrows(ValidationException.class, () -> admin.getUserById(null));
        assertThrows(ValidationException.class, () -> UserCreateParams.builder().build());
        assertThrows(ValidationException.class, () -> UserInviteParams.of(" "));
        ValidationException e = assertThrows(ValidationException.class,
                () -> AuthAdminClient.builder().url("https://ref.supabase.co").build());
        assertTrue(e.fieldErrors().containsKey("serviceRoleKey"));
        assertEquals(0, server.getRequestCount());
    }

    private static UUID uuid(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i));
    }
}
