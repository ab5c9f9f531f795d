// The cheapest round trip to the server: the API's database monitor asks it every second or so.
RETURN 1 AS ok
