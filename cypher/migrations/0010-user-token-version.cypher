// Revocable sign-in: each user carries a token version that every token embeds and every request checks;
// deactivation, role change, password reset, deletion and sign-out bump it. Existing users start at 0.
MATCH (u:User) WHERE u.tokenVersion IS NULL SET u.tokenVersion = 0;
