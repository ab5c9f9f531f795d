// The roles of an active account that could be given a case.
MATCH (u:User {username: $username}) WHERE u.active
RETURN u.roles AS roles
