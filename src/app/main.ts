import '../view/components/rt-app.js';
