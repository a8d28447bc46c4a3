// Login to the app's authorization server (authorization code with PKCE, public client "aam-web"), the token kept
// for this tab only (sessionStorage). Every call to the API goes through Auth.api, which logs in again on a 401.
'use strict';
const Auth = (() => {
  const TOKEN = 'aam.token';
  const VERIFIER = 'aam.pkce.verifier';
  const STATE = 'aam.pkce.state';
  const RETURN_TO = 'aam.returnTo';
  const CLIENT = 'aam-web';

  // 127.0.0.1 is the registered loopback address (any port); localhost is registered for port 8080 only
  function redirectUri() {
    return window.location.origin + '/dashboard/callback.html';
  }

  function base64url(bytes) {
    let text = '';
    bytes.forEach(b => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random() {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  async function login() {
    const verifier = random();
    const state = random();
    sessionStorage.setItem(VERIFIER, verifier);
    sessionStorage.setItem(STATE, state);
    sessionStorage.setItem(RETURN_TO, window.location.pathname + window.location.search);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const query = new URLSearchParams({
      response_type: 'code', client_id: CLIENT, redirect_uri: redirectUri(),
      code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256', state: state
    });
    window.location.assign('/oauth2/authorize?' + query.toString());
    return new Promise(() => {}); // the page is leaving
  }

  async function completeLogin() {
    const params = new URLSearchParams(window.location.search);
    if (params.get('error')) {
      throw new Error(params.get('error_description') || params.get('error'));
    }
    const state = sessionStorage.getItem(STATE);
    const verifier = sessionStorage.getItem(VERIFIER);
    // only the answer to a login this tab started: a code sent by someone else (no state here) is refused
    if (!params.get('code') || !state || !verifier || params.get('state') !== state) {
      throw new Error('réponse de connexion invalide');
    }
    const body = new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), client_id: CLIENT,
      code_verifier: verifier
    });
    const answer = await fetch('/oauth2/token', {method: 'POST', body: body});
    if (!answer.ok) {
      throw new Error('jeton refusé (' + answer.status + ')');
    }
    const token = await answer.json();
    sessionStorage.setItem(TOKEN, token.access_token);
    sessionStorage.removeItem(VERIFIER);
    sessionStorage.removeItem(STATE);
    const back = sessionStorage.getItem(RETURN_TO) || '/dashboard/index.html';
    sessionStorage.removeItem(RETURN_TO);
    window.location.replace(back.startsWith('/dashboard/') ? back : '/dashboard/index.html');
  }

  function claims() {
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      return null;
    }
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (e) {
      return null;
    }
  }

  async function token() {
    const current = claims();
    if (!current || current.exp * 1000 < Date.now() + 5000) {
      return login();
    }
    return sessionStorage.getItem(TOKEN);
  }

  async function api(path, options) {
    const bearer = await token();
    const init = Object.assign({}, options || {});
    init.headers = Object.assign({'Authorization': 'Bearer ' + bearer}, init.headers || {});
    const answer = await fetch(path, init);
    if (answer.status === 401) {
      sessionStorage.removeItem(TOKEN);
      return login();
    }
    return answer;
  }

  function logout() {
    sessionStorage.removeItem(TOKEN);
    window.location.assign('/logout');
  }

  return {login, completeLogin, claims, token, api, logout};
})();
