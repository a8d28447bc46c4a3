'use strict';
Auth.completeLogin().catch(error => {
  document.getElementById('message').textContent = 'La connexion a échoué : ' + error.message
      + '. Rechargez le tableau de bord pour réessayer.';
});
