// expect: none
const jwt = require("jsonwebtoken");

// Outbound client: reads the expiry of the token the identity provider issued to us.
class ServiceTokenCache {
  constructor(fetchToken) {
    this.fetchToken = fetchToken;
    this.token = null;
  }

  async get() {
    if (!this.token || jwt.decode(this.token).exp * 1000 < Date.now() + 30000) {
      this.token = await this.fetchToken();
    }
    return this.token;
  }
}

module.exports = { ServiceTokenCache };
